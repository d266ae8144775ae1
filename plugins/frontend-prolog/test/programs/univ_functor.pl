main :- X =.. [foo, a, b], write(X), nl, f(1, 2) =.. L, write(L), nl, functor(f(a, b, c), N, A), write(N/A), nl,
  functor(T, point, 3), T = point(1, 2, 3), write(T), nl, arg(2, g(x, y, z), Y), write(Y), nl, a =.. M, write(M), nl,
  copy_term(f(P, P, Q), C), C = f(1, R, S), write(R), nl, ( var(S) -> write(fresh) ; write(bound) ), nl, ( var(Q) -> write(q_unbound) ; true ), nl.
