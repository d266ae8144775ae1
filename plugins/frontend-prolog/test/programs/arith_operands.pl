% Arithmetic operands read unevaluated until their consumer evaluates them (errors in
% SWI-Prolog's order), and G =.. [F|Args], call(G) ending a clause (a call site's cache).
p(X, Y) :- write(p(X, Y)), nl.
q(X) :- write(q(X)), nl.
run(F, A, B) :- G =.. [F, A, B], call(G).
run1(F, A) :- G =.. [F, A], call(G).
t(Goal) :- catch(Goal, error(E, _), (write(caught(E)), nl)), !.
t(_) :- write(failed), nl.
univ_main :-
  t(run(p, 1, 2)), t(run(p, 3, 4)), t(run1(q, a)), t(run1(q, b)),
  t(run(',', true, q(c))), t(run(',', fail, q(c))), t(run(';', fail, q(d))),
  t(run('->', true, q(e))), t(run(p, 5, 6)),
  t(run(_, 1, 2)), t(run(3, 1, 2)), t(run(nope, 1, 2)), t(run(foo(x), 1, 2)),
  t(run(=, X, 7)), write(X), nl, t(run(=, 1, 2)),
  t(run1(q, z)), t(run(p, 7, 8)), t(run1(atom, x)), t(run1(atom, 1)),
  t(run(p, 9, 10)).
a(G) :- catch((G -> write(yes) ; write(no)), error(E, _), write(E)), nl.
arith_main :-
  a((A1 = 1+a, A1 < _)), a((B2 = 1+a, _ < B2)), a((C3 = foo, D3 = 1+b, C3 < D3)),
  a((X4 is _ + (1+a), write(X4))), a((X5 is (1+a) + _, write(X5))),
  a((Y6 = 2+3, X6 is Y6 * 2, write(X6))), a((Y7 = 2.5, X7 is Y7 - 1, write(X7))),
  a((Y8 = 2+3, Y8 > 4)), a((Y9 = 2+3, 4 >= Y9)), a((Y10 = 7, Z10 is Y10 - 1073741824, write(Z10))),
  a((Y11 = -1073741824, Z11 is Y11 - 1, write(Z11))), a((Y12 = 1073741823, Z12 is Y12 + 1, write(Z12))),
  a((Y13 = 1073741823, Z13 is 1 + Y13, write(Z13))), a((Y14 = -5, Z14 is Y14 + 1073741823, write(Z14))),
  a((Y15 = 3, Z15 is Y15 - (-1073741824), write(Z15))), a((Y16 = a, Z16 is Y16 + 1, write(Z16))),
  a((Z17 is _ - 1, write(Z17))), a((Y18 = 1.0, Y18 =:= 1)), a((Y19 = 9, Y19 mod 2 =:= 1)),
  a((Y20 = x, Z20 = y, Y20 < Z20)), a((Y21 = x, Y21 < _)), a((Y22 = 3, W22 = 4, Y22 < W22, Z22 is Y22 + W22, write(Z22))),
  a((Y23 = 3, Y23 > 5)), a((Y24 = 1+2, Z24 is Y24 + Y24, write(Z24))).
main :- univ_main, arith_main.
