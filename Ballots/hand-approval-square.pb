META
key;value
description;Hand-written example: approval, skip versus no-skip, cost versus cardinality utility
country;Nowhere
unit;Exampleton
instance;Market Square 2026
num_projects;4
num_votes;7
budget;90
vote_type;approval
rule;greedy
date_begin;01.03.2026
date_end;15.03.2026
max_length;3
currency;EUR
experimental;1
comment;"Votes: A 3 (voters 1,5,7), B 4 (2,3,4,6), C 4 (1,2,6,7), D 3 (4,5,7). Greedy, cost utility, default ties cost,votes,file: B and C tie on 4 votes and C is cheaper (30 < 70); A and D tie on 3 and D is cheaper (10 < 40); order C, B, D, A. Skip: C 90-30=60; B 70 > 60 passed over; D 60-10=50; A 50-40=10. Funded C, D, A; cost 80, left 10; ties (B,C) and (A,D) by cost. No-skip: C, then B does not fit: stop; funded C; cost 30, left 60. Cardinality utility: votes per unit of money A 3/40, B 4/70, C 4/30, D 3/10; order D, C, A, B: D 80, C 50, A 10, B 70 > 10; funded D, C, A; cost 80, left 10."
PROJECTS
project_id;cost;name
A;40;Fountain
B;70;Playground
C;30;Trees
D;10;Bins
VOTES
voter_id;vote
1;A,C
2;B,C
3;B
4;B,D
5;A,D
6;B,C
7;A,C,D
