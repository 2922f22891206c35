META
key;value
description;Hand-written example: cumulative ballots, 3 points each
country;Nowhere
unit;Exampleton
instance;School 2026
num_projects;3
num_votes;5
budget;600
vote_type;cumulative
rule;greedy
date_begin;01.03.2026
date_end;15.03.2026
min_sum_points;1
max_sum_points;3
currency;EUR
experimental;1
comment;"Scores: G 3+2+1 = 6 (voters 1,2,5), L 1+2+1 = 4 (2,3,5), M 1+3+1 = 5 (3,4,5); every project has 3 supporters. Greedy, cost utility (order by score): G 6, M 5, L 4. G 600-500=100; M 200 > 100 passed over; L 300 > 100 passed over. Funded G; cost 500, left 100; no ties. Cardinality utility (score per unit of money): G 6/500 = 3/250, L 4/300 = 1/75, M 5/200 = 1/40; order M, L, G: M 400, L 100, G 500 > 100. Funded M, L; cost 500, left 100."
PROJECTS
project_id;cost;name
G;500;Gym floor
L;300;Science lab
M;200;Music room
VOTES
voter_id;vote;points
1;G;3
2;G,L;2,1
3;L,M;2,1
4;M;3
5;L,M,G;1,1,1
