% Symbolic differentiation and simplification of arithmetic expressions, evaluation at a
% point, and printing through the operator table (writeq/print and format ~w).
d(X, X, 1) :- !.
d(C, _, 0) :- atomic(C), !.
d(U + V, X, DU + DV) :- d(U, X, DU), d(V, X, DV).
d(U - V, X, DU - DV) :- d(U, X, DU), d(V, X, DV).
d(U * V, X, DU * V + U * DV) :- d(U, X, DU), d(V, X, DV).
d(U / V, X, (DU * V - U * DV) / V ^ 2) :- d(U, X, DU), d(V, X, DV).
d(U ^ N, X, N * U ^ N1 * DU) :- integer(N), N1 is N - 1, d(U, X, DU).
d(-U, X, -DU) :- d(U, X, DU).
d(exp(U), X, exp(U) * DU) :- d(U, X, DU).
d(log(U), X, DU / U) :- d(U, X, DU).
d(sin(U), X, cos(U) * DU) :- d(U, X, DU).
d(cos(U), X, -sin(U) * DU) :- d(U, X, DU).

simp(E, S) :- simp1(E, S1), ( S1 == E -> S = E ; simp(S1, S) ).
simp1(E, E) :- atomic(E), !.
simp1(E, S) :- E =.. [Op | Args], maplist(simp1, Args, SArgs), E1 =.. [Op | SArgs], rule(E1, S).
rule(A + B, C) :- number(A), number(B), !, C is A + B.
rule(A * B, C) :- number(A), number(B), !, C is A * B.
rule(A - B, C) :- number(A), number(B), !, C is A - B.
rule(0 + A, A) :- !.
rule(A + 0, A) :- !.
rule(A - 0, A) :- !.
rule(0 * _, 0) :- !.
rule(_ * 0, 0) :- !.
rule(1 * A, A) :- !.
rule(A * 1, A) :- !.
rule(A ^ 1, A) :- !.
rule(_ ^ 0, 1) :- !.
rule(0 / _, 0) :- !.
rule(A - A, 0) :- !.
rule(-(0), 0) :- !.
rule(-(-(A)), A) :- !.
rule(A * (B * C), D * C) :- number(A), number(B), !, D is A * B.
rule(E, E).

subst(X, X, V, V) :- !.
subst(E, X, V, E1) :- compound(E), !, E =.. [F | As], maplist([A, B]>>subst(A, X, V, B), As, Bs), E1 =.. [F | Bs].
subst(E, _, _, E).
eval(E, X, V) :- subst(E, X, 2, E1), V is E1.

main :-
    forall(member(E, [x ^ 3 + 2 * x, x * sin(x), exp(x ^ 2), log(x) / x, (x + 1) * (x - 1), cos(3 * x), -(x ^ 2), 7]),
           ( d(E, x, D), simp(D, S), eval(S, x, V),
             format("d/dx ~w~t~24|= ~w~n", [E, S]), format("~t~24|  at x=2: ~4f~n", [V]) )),
    d(x * x * x, x, D3), simp(D3, S3), writeq(S3), nl, print(- (1)), nl, writeq(- (-(1))), nl,
    writeq(1 - (2 - 3)), nl, writeq((1 - 2) - 3), nl, writeq(2 ^ 3 ^ 4), nl, writeq((2 ^ 3) ^ 4), nl,
    writeq(-(2)), nl, writeq(- 2), nl, writeq(-(2.0)), nl, writeq(1 - -1), nl, writeq(a- (-1)), nl, writeq(- (2 ^ 2)), nl, writeq(- a), nl, writeq(-(-(a))), nl.
