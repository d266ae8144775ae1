% N-queens: the first solution for 8, the number of solutions for 4..7.
queens(N, Qs) :- numlist(1, N, Ns), place(Ns, [], Qs).

place([], Qs, Qs).
place(Unplaced, Safe, Qs) :-
    select(Q, Unplaced, Rest),
    \+ attacks(Q, Safe, 1),
    place(Rest, [Q|Safe], Qs).

attacks(Q, [Q1|_], D) :- Q =:= Q1 + D.
attacks(Q, [Q1|_], D) :- Q =:= Q1 - D.
attacks(Q, [_|Qs], D) :- D1 is D + 1, attacks(Q, Qs, D1).

count(N, C) :- findall(x, queens(N, _), L), length(L, C).

board([]).
board([Q|Qs]) :- length(Qs, K), N is K + 1, row(1, N, Q), nl, board(Qs).

row(I, N, _) :- I > N, !.
row(I, N, Q) :- ( I =:= Q -> write('Q ') ; write('. ') ), I1 is I + 1, row(I1, N, Q).

main :-
    queens(8, Qs), write(first(Qs)), nl,
    queens(5, Q5), board(Q5),
    forall(between(4, 7, N), (count(N, C), write(N-C), nl)).
