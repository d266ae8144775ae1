% SEND + MORE = MONEY, column by column with carries, digits chosen without repetition.
digit_from(D, Ds, Rest) :- select(D, Ds, Rest).

solve([S, E, N, D, M, O, R, Y]) :-
    Digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    M = 1, digit_from(M, Digits, D0),
    digit_from(D, D0, D1), digit_from(E, D1, D2),
    Y is (D + E) mod 10, C1 is (D + E) // 10, digit_from(Y, D2, D3),
    digit_from(N, D3, D4), digit_from(R, D4, D5),
    E =:= (N + R + C1) mod 10, C2 is (N + R + C1) // 10,
    digit_from(O, D5, D6),
    N =:= (E + O + C2) mod 10, C3 is (E + O + C2) // 10,
    digit_from(S, D6, _), S > 0,
    O =:= (S + M + C3) mod 10, M =:= (S + M + C3) // 10.

number_of(Ds, N) :- foldl([D, A0, A]>>(A is A0 * 10 + D), Ds, 0, N).

main :-
    solve([S, E, N, D, M, O, R, Y]),
    number_of([S, E, N, D], Send), number_of([M, O, R, E], More), number_of([M, O, N, E, Y], Money),
    format("~w + ~w = ~w~n", [Send, More, Money]),
    Check is Send + More, ( Check =:= Money -> write(checked) ; write(wrong) ), nl,
    findall(x, solve(_), L), length(L, Count), write(solutions(Count)), nl.
