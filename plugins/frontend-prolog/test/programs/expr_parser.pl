% A recursive-descent parser and evaluator for arithmetic over code lists (no DCGs):
% tokens, precedence, parentheses, unary minus, and syntax errors reported with catch/3.
:- set_prolog_flag(double_quotes, codes).

tokens([], []).
tokens([C|Cs], Ts) :- code_type(C, space), !, tokens(Cs, Ts).
tokens([C|Cs], [num(N)|Ts]) :- code_type(C, digit), !, digits(Cs, Ds, Rest), number_codes(N, [C|Ds]), tokens(Rest, Ts).
tokens([C|Cs], [op(A)|Ts]) :- memberchk(C, "+-*/()^"), !, atom_codes(A, [C]), tokens(Cs, Ts).
tokens([C|_], _) :- atom_codes(A, [C]), throw(syntax(unexpected(A))).

digits([C|Cs], [C|Ds], Rest) :- code_type(C, digit), !, digits(Cs, Ds, Rest).
digits(Rest, [], Rest).

expr(Ts0, E, Ts) :- term(Ts0, L, Ts1), expr_rest(Ts1, L, E, Ts).
expr_rest([op(Op)|Ts0], L, E, Ts) :- memberchk(Op, ['+', '-']), !, term(Ts0, R, Ts1), T =.. [Op, L, R], expr_rest(Ts1, T, E, Ts).
expr_rest(Ts, E, E, Ts).

term(Ts0, E, Ts) :- factor(Ts0, L, Ts1), term_rest(Ts1, L, E, Ts).
term_rest([op(Op)|Ts0], L, E, Ts) :- memberchk(Op, ['*', '/']), !, factor(Ts0, R, Ts1), T =.. [Op, L, R], term_rest(Ts1, T, E, Ts).
term_rest(Ts, E, E, Ts).

factor(Ts0, E, Ts) :- unary(Ts0, B, Ts1), ( Ts1 = [op('^')|Ts2] -> factor(Ts2, X, Ts), E = B^X ; E = B, Ts = Ts1 ).

unary([op('-')|Ts0], -(E), Ts) :- !, unary(Ts0, E, Ts).
unary([num(N)|Ts], N, Ts) :- !.
unary([op('(')|Ts0], E, Ts) :- !, expr(Ts0, E, Ts1), ( Ts1 = [op(')')|Ts] -> true ; throw(syntax(missing_paren)) ).
unary([T|_], _, _) :- throw(syntax(unexpected(T))).
unary([], _, _) :- throw(syntax(end_of_input)).

parse(Codes, E) :- tokens(Codes, Ts), expr(Ts, E, Rest), ( Rest == [] -> true ; throw(syntax(trailing(Rest))) ).

run(Text) :-
    atom_codes(Text, Codes),
    catch(( parse(Codes, E), V is E, write(Text = E), write(' ~> '), write(V) ),
          Err, ( write(Text), write(' !! '), report(Err) )),
    nl.

report(error(F, _)) :- !, print(error(F)).
report(E) :- print(E).

main :- maplist(run, ['1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', '-4 + 10 / 4', '7 - 2 - 1',
    '100000000000 * 100000000000', '2 ^ 100', '1 / 0', '(1 + 2', '3 $ 4', '4 4', '--5', '', '8 / 2 / 2']).
