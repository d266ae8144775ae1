% Towers of Hanoi: the moves for 3 discs, the count for 1..12 and the closed form check.
hanoi(0, _, _, _, Ms, Ms) :- !.
hanoi(N, From, To, Via, Ms0, Ms) :-
    N1 is N - 1,
    hanoi(N1, From, Via, To, Ms0, Ms1),
    Ms1 = [From-To|Ms2],
    hanoi(N1, Via, To, From, Ms2, Ms).

moves(N, Ms) :- hanoi(N, left, right, middle, Ms, []).

count_moves(0, 0) :- !.
count_moves(N, C) :- N1 is N - 1, count_moves(N1, C1), C is 2 * C1 + 1.

main :-
    moves(3, Ms), forall(member(F-T, Ms), (write(F), write(' -> '), write(T), nl)),
    forall(between(1, 12, N), (moves(N, L), length(L, Len), count_moves(N, C), Closed is 2 ^ N - 1,
        write(N:Len:C:Closed), nl)),
    count_moves(100, Big), write(Big), nl.
