META
key;value
description;Hand-written example: four projects, six voters
country;Nowhere
unit;Exampleton
instance;2026
num_projects;4
num_votes;6
budget;100
vote_type;approval
rule;greedy
date_begin;2026
date_end;2026
currency;EUR
experimental;1
comment;"Greedy (cost utility, default ties cost,votes,file): Park and Library tie on 3 votes, Library is cheaper so it goes first (left 50); Park (60) does not fit; Bike lanes (30) left 20; Benches (20) left 0. Funded: Library, Bike lanes, Benches."
PROJECTS
project_id;cost;name;selected
P1;60;Park;0
P2;50;Library;1
P3;30;"Bike lanes; north";1
P4;20;"Benches ""old town""";1
VOTES
voter_id;vote
1;P1,P2
2;P1
3;P1,P3
4;P2,P3
5;P2
6;P4
