% A tokenizer (char_type/2 over a string's chars), a shunting-yard compiler to stack code
% and a stack machine with runtime errors as exceptions; programs come as strings.
tokens(S, Ts) :- string_chars(S, Cs), toks(Cs, Ts).
toks([], []).
toks([C | Cs], Ts) :- char_type(C, space), !, toks(Cs, Ts).
toks([C | Cs], [num(N) | Ts]) :- char_type(C, digit(_)), !, span_digits(Cs, Ds, Rest), number_chars(N, [C | Ds]), toks(Rest, Ts).
toks([C | Cs], [id(A) | Ts]) :- char_type(C, alpha), !, span_alnum(Cs, As, Rest), atom_chars(A, [C | As]), toks(Rest, Ts).
toks([C | Cs], [op(C) | Ts]) :- memberchk(C, ['+', '-', '*', '/', '(', ')', '=', ';']), !, toks(Cs, Ts).
toks([C | _], _) :- throw(lex_error(C)).
span_digits([C | Cs], [C | Ds], R) :- char_type(C, digit(_)), !, span_digits(Cs, Ds, R).
span_digits(R, [], R).
span_alnum([C | Cs], [C | Ds], R) :- char_type(C, csym), !, span_alnum(Cs, Ds, R).
span_alnum(R, [], R).

prec('+', 1). prec('-', 1). prec('*', 2). prec('/', 2).

% shunting yard: tokens of one expression to postfix code
rpn([], Ops, Out) :- maplist([O, op(O)]>>true, Ops, Out).
rpn([num(N) | Ts], Ops, [push(N) | Out]) :- rpn(Ts, Ops, Out).
rpn([id(V) | Ts], Ops, [load(V) | Out]) :- rpn(Ts, Ops, Out).
rpn([op('(') | Ts], Ops, Out) :- rpn(Ts, ['(' | Ops], Out).
rpn([op(')') | Ts], Ops, Out) :- pop_paren(Ops, Ops1, Out, Out1), rpn(Ts, Ops1, Out1).
rpn([op(O) | Ts], Ops, Out) :- prec(O, P), pop_higher(P, Ops, Ops1, Out, Out1), rpn(Ts, [O | Ops1], Out1).
pop_paren(['(' | Ops], Ops, Out, Out) :- !.
pop_paren([O | Ops], Ops1, [op(O) | Out], Out1) :- !, pop_paren(Ops, Ops1, Out, Out1).
pop_paren([], _, _, _) :- throw(parse_error(unbalanced)).
pop_higher(P, [O | Ops], Ops1, [op(O) | Out], Out1) :- prec(O, Q), Q >= P, !, pop_higher(P, Ops, Ops1, Out, Out1).
pop_higher(_, Ops, Ops, Out, Out).

statements(Ts, [S | Ss]) :- append(S0, [op(;) | Rest], Ts), !, stmt(S0, S), statements(Rest, Ss).
statements([], []) :- !.
statements(Ts, [S]) :- stmt(Ts, S).
stmt([id(V), op(=) | E], assign(V, Code)) :- !, rpn(E, [], Code).
stmt(E, print(Code)) :- rpn(E, [], Code).

run(Code, Env, Stack) :- foldl(step(Env), Code, [], Stack).
step(_, push(N), S, [N | S]).
step(Env, load(V), S, [X | S]) :- ( memberchk(V = X, Env) -> true ; throw(vm_error(unbound(V))) ).
step(_, op(O), [B, A | S], [C | S]) :- !, apply(O, A, B, C).
step(_, op(O), _, _) :- throw(vm_error(stack_underflow(O))).
apply('+', A, B, C) :- C is A + B.
apply('-', A, B, C) :- C is A - B.
apply('*', A, B, C) :- C is A * B.
apply('/', A, B, C) :- ( B =:= 0 -> throw(vm_error(division_by_zero)) ; C is A // B ).

exec([], _).
exec([assign(V, Code) | Ss], Env) :- run(Code, Env, [X]), exec(Ss, [V = X | Env]).
exec([print(Code) | Ss], Env) :- run(Code, Env, [X]), format("~w~n", [X]), exec(Ss, Env).

program(Text) :-
    format("> ~s~n", [Text]),
    catch(( tokens(Text, Ts), statements(Ts, Ss), exec(Ss, []) ), Err, format("error: ~q~n", [Err])).

main :-
    maplist(program, ["1 + 2 * 3", "(1 + 2) * 3", "x = 6; y = x * 7; y - x / 2",
                      "a = 2; b = a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a; b",
                      "10 / (5 - 5)", "q + 1", "3 $ 4", "(1 + 2", "1 +", "n1 = 5; n2 = n1 * n1; n2 - n1"]),
    tokens("abc12 + 34", T), print(T), nl.
