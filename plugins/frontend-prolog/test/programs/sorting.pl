% Sorting: merge sort and insertion sort written out, predsort/3 with a custom order that
% drops equals, sort/4 on keys in every order, keysort/2 stability, and msort/2 of mixed
% terms in the standard order.
msort_([], []) :- !.
msort_([X], [X]) :- !.
msort_(L, S) :- length(L, N), H is N // 2, length(A, H), append(A, B, L), msort_(A, SA), msort_(B, SB), merge(SA, SB, S).
merge([], L, L) :- !.
merge(L, [], L) :- !.
merge([X | Xs], [Y | Ys], [X | Zs]) :- X @=< Y, !, merge(Xs, [Y | Ys], Zs).
merge(Xs, [Y | Ys], [Y | Zs]) :- merge(Xs, Ys, Zs).

isort(L, S) :- foldl(ins, L, [], S).
ins(X, [], [X]).
ins(X, [Y | Ys], [X, Y | Ys]) :- X =< Y, !.
ins(X, [Y | Ys], [Y | Zs]) :- ins(X, Ys, Zs).

by_length(O, A, B) :- atom_length(A, LA), atom_length(B, LB), compare(O1, LA, LB), ( O1 == (=) -> compare(O, A, B) ; O = O1 ).
by_last_digit(O, A, B) :- DA is A mod 10, DB is B mod 10, compare(O, DA, DB).

people([p(ann, 31, paris), p(bob, 25, rome), p(cid, 31, oslo), p(dan, 19, rome), p(eve, 25, paris)]).

main :-
    L = [38, 27, 43, 3, 9, 82, 10, 3, 55, 27],
    msort_(L, S1), isort(L, S2), msort(L, S3), sort(L, S4),
    format("merge: ~w~ninsert: ~w~nmsort: ~w~nsort: ~w~n", [S1, S2, S3, S4]),
    predsort(by_length, [banana, fig, apple, kiwi, plum, fig, cherry], S5), writeln(S5),
    predsort(by_last_digit, L, S6), writeln(S6),
    people(Ps),
    forall(member(K-O, [2-(@<), 2-(@>=), 3-(@=<), 3-(@>), 1-(@>)]),
           ( sort(K, O, Ps, Sorted), maplist([p(N, _, _), N]>>true, Sorted, Ns), format("~w ~w: ~w~n", [K, O, Ns]) )),
    keysort([b-1, a-2, b-0, a-1, c-9, a-0], KS), writeln(KS),
    pairs_keys_values(Pairs, [z, y, x], [1, 2, 3]), keysort(Pairs, KP), writeln(KP),
    msort([b, 3, "s", f(x), 2.0, a, [1], g(a, b), 1, "r", Z], M), length(M, ML), writeln(ML),
    M = [V | Rest], ( V == Z -> writeln(var_first) ; true ), print(Rest), nl,
    sort(0, @>=, [1, 2, 3, 2, 1], D), writeln(D),
    length(Big, 300), foldl([E, I0, I]>>(E is (I0 * 7919) mod 1009, I is I0 + 1), Big, 0, _),
    msort_(Big, SB), msort(Big, SB2), ( SB == SB2 -> writeln(big_same) ; writeln(big_differs) ).
