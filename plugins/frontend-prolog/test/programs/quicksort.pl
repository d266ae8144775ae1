% Sorting three ways (quicksort with partition/4, merge sort, insertion sort), checked
% against msort/2 on pseudo-random lists from a linear congruential generator.
quicksort([], []).
quicksort([P|Xs], Sorted) :-
    partition([X]>>(X @< P), Xs, Small, Large),
    quicksort(Small, S), quicksort(Large, L),
    append(S, [P|L], Sorted).

merge_sort([], []) :- !.
merge_sort([X], [X]) :- !.
merge_sort(L, S) :-
    length(L, N), H is N // 2, length(Front, H), append(Front, Back, L),
    merge_sort(Front, S1), merge_sort(Back, S2), merge(S1, S2, S).

merge([], L, L) :- !.
merge(L, [], L) :- !.
merge([X|Xs], [Y|Ys], [X|Zs]) :- X @=< Y, !, merge(Xs, [Y|Ys], Zs).
merge(Xs, [Y|Ys], [Y|Zs]) :- merge(Xs, Ys, Zs).

insertion_sort(L, S) :- foldl(insert, L, [], S).
insert(X, [], [X]).
insert(X, [Y|Ys], [X, Y|Ys]) :- X @=< Y, !.
insert(X, [Y|Ys], [Y|Zs]) :- insert(X, Ys, Zs).

lcg(0, _, []) :- !.
lcg(N, Seed, [X|Xs]) :- X is Seed mod 1000, Next is (Seed * 1103515245 + 12345) mod 2147483648,
    N1 is N - 1, lcg(N1, Next, Xs).

check(N, Seed) :-
    lcg(N, Seed, L), msort(L, Expected),
    quicksort(L, Q), merge_sort(L, M), insertion_sort(L, I),
    ( Q == Expected, M == Expected, I == Expected -> R = ok ; R = wrong ),
    write(N-Seed-R), nl.

main :-
    lcg(12, 42, L), write(L), nl, quicksort(L, Q), write(Q), nl,
    sort(L, Dedup), write(Dedup), nl, sort(0, @>=, L, Desc), write(Desc), nl,
    forall(member(N-S, [0-1, 1-7, 50-3, 100-99, 120-12345]), check(N, S)),
    quicksort([b, 3, a, f(x), 2.5, [1]], Mixed), print(Mixed), nl.
