% Roman numerals both ways: integer to numeral by a greedy table walk, numeral to integer
% by a DCG over chars, with a round-trip check over 1..300 and errors for bad input.
value(1000, "M"). value(900, "CM"). value(500, "D"). value(400, "CD").
value(100, "C"). value(90, "XC"). value(50, "L"). value(40, "XL").
value(10, "X"). value(9, "IX"). value(5, "V"). value(4, "IV"). value(1, "I").

to_roman(N, _) :- ( \+ integer(N) ; N < 1 ; N > 3999 ), !, throw(error(domain_error(roman_range, N), _)).
to_roman(N, R) :- to_roman_(N, Parts), atomic_list_concat(Parts, R).
to_roman_(0, []) :- !.
to_roman_(N, [S | Ss]) :- value(V, S), V =< N, !, N1 is N - V, to_roman_(N1, Ss).

from_roman(A, N) :- atom_chars(A, Cs), ( phrase(numeral(0, N), Cs) -> true ; throw(bad_numeral(A)) ).
numeral(Acc, N) --> symbol(V), !, { Acc1 is Acc + V }, numeral(Acc1, N).
numeral(N, N) --> [].
symbol(V) --> [A, B], { value(V, S), string_chars(S, [A, B]) }.
symbol(V) --> [A], { value(V, S), string_chars(S, [A]) }.

main :-
    forall(member(N, [1, 4, 9, 14, 40, 90, 400, 1987, 2024, 3999]),
           ( to_roman(N, R), format("~t~d~6| = ~w~n", [N, R]) )),
    findall(N, ( between(1, 60, N), to_roman(N, R), from_roman(R, M), M =\= N ), Bad),
    format("round-trip failures: ~w~n", [Bad]),
    forall(member(A, ['MCMXCIV', 'XLII', 'MMXXIV', 'IIII', 'ABC']),
           catch(( from_roman(A, V), format("~w -> ~d~n", [A, V]) ), bad_numeral(X), format("~w is no numeral~n", [X]))),
    catch(to_roman(0, _), error(E, _), ( print(E), nl )),
    catch(to_roman(foo, _), error(E2, _), ( print(E2), nl )).
