META
key;value
description;Hand-written example: ranked ballots, where the scoring function decides
country;Nowhere
unit;Exampleton
instance;Riverside 2026
num_projects;4
num_votes;5
budget;100
vote_type;ordinal
rule;greedy
date_begin;01.03.2026
date_end;15.03.2026
min_length;1
max_length;3
currency;EUR
experimental;1
comment;"Positional scoring (default, max_length - position: 3, 2, 1): R1 3+2+3 = 8 (voters 1,2,5), R2 2+3+1+2 = 8 (1,2,3,4), R3 1+3+2 = 6 (1,3,5), R4 2+3 = 5 (3,4). Greedy, cost utility: R1 and R2 tie on 8 and R2 is cheaper (40 < 50): order R2, R1, R3, R4. R2 100-40=60; R1 60-50=10; R3 20 > 10 and R4 30 > 10 passed over. Funded R2, R1; cost 90, left 10; tie (R1,R2) by cost. Borda (--scoring borda, length - 1 - position): R1 2+0+1 = 3, R2 1+1+0+0 = 2, R3 0+2+0 = 2, R4 1+1 = 2; R2, R3, R4 tie on 2 and go by cost: order R1, R3, R4, R2. R1 50; R3 30; R4 0; R2 40 > 0 passed over. Funded R1, R3, R4; cost 100, left 0."
PROJECTS
project_id;cost;name
R1;50;Riverside path
R2;40;Boat ramp
R3;20;Bird hide
R4;30;Picnic tables
VOTES
voter_id;vote
1;R1,R2,R3
2;R2,R1
3;R3,R4,R2
4;R4,R2
5;R1,R3
