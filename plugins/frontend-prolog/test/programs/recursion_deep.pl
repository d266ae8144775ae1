count(N, N) :- !.
count(I, N) :- I1 is I + 1, count(I1, N).
len([], 0).
len([_|T], N) :- len(T, N0), N is N0 + 1.
main :- count(0, 300000), write(counted), nl, numlist(1, 50000, L), len(L, N), write(N), nl, sum_list(L, S), write(S), nl.
