% writeq of operators, negative numbers, curly terms and quoted atoms, as SWI prints them.
:- set_prolog_flag(double_quotes, codes).
:- op(700, xfx, ===>).
:- op(200, xfy, ^^).
:- op(100, fy, $$).
w(T) :- writeq(T), nl.
main :-
  forall(member(T, [- (1), -(-(1)), - a, -(-(a)), 1 - -1, 1 - (-1), a- (-1), 2 - (3 - 4), (2 - 3) - 4,
                    1 + 2 * 3, (1 + 2) * 3, 2 ** 3, 2 ^ 3 ^ 4, (2 ^ 3) ^ 4, - (2 ^ 2), -(2) ^ 2, \+ a, \+ (\+ a),
                    f(:-, -), f((a :- b)), (a :- b, c ; d -> e), (a , b), f((a, b)), f(;), [a|b], [-],
                    {a, b}, '{}'(x), {}, [], 'hello world', 'it''s', '\n', 'a\\b',
                    a = b, a \= b, f(a = b), - - - a, 1 =.. 2, (a ===> b), a ^^ b ^^ c, $$ $$ x, $$ (1 + 2),
                    f($$), - (- 1), 1.0, -1.5e10, 'X', '_y', aB, 'Ab', 'é', [a, 'B', "c"], f(',', '|'),
                    'hello'('World'), +(1, 2, 3), - (1 + 2), (a -> b ; c), (:- a), (?- x),
                    f(- 1), f(-1), 1 - 1, a * (b , c), (a = b) = c, [a = b, (c :- d)]]),
         w(T)),
  X = f(_Y), copy_term(X, _), write(done), nl.
