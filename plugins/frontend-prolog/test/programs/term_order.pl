% =.., functor/3, arg/3, compare/3 and the standard order of terms.
c(A, B) :- compare(O, A, B), writeq(compare(O, A, B)), nl.
main :-
  X =.. [foo, a, 1], writeq(X), nl, f(a, g(b)) =.. L, writeq(L), nl, abc =.. L2, writeq(L2), nl,
  Y =.. [7], writeq(Y), nl, [1, 2] =.. L3, writeq(L3), nl,
  functor(f(a, b, c), N, A), writeq(N/A), nl, functor(T, point, 3), T = point(P, Q, R),
  ( var(P), var(Q), var(R) -> write(fresh_args) ; true ), nl,
  functor(T2, abc, 0), writeq(T2), nl, functor(3.5, N2, A2), writeq(N2/A2), nl,
  functor([a], N3, A3), writeq(N3/A3), nl,
  arg(2, f(a, b, c), B), writeq(B), nl, findall(I-V, arg(I, f(x, y), V), L4), writeq(L4), nl,
  ( arg(4, f(a), _) -> true ; write(no_arg) ), nl,
  c(1, 2), c(2, 1.5), c(1, 1.0), c(1.0, 1), c(a, 1), c(f(a), a), c(f(a, b), g(a)), c(f(b), f(a, a)),
  c(f(a, b), f(a, c)), c(abc, abd), c(b, abc), c([], a), c([1], f(x)), c(f(x), f(x)), c(-1, 1), c(2 ^ 70, 1.0e30),
  msort([c, 2, f(b), b, 1.5, f(a), g(a, b), [1], -3, 'A', a, 2.0, h(z), 10], S), writeq(S), nl,
  sort([c, a, b, a, c], S2), writeq(S2), nl,
  ( f(Z) @< f(1) -> write(var_first) ; write(var_last) ), nl, ( Z == Z -> write(same) ; true ), nl,
  ( 1 @< a, a @< f(a), 1.0 @< 1, f(b) @> f(a, a) -> write(order_ok) ; write(order_bad) ), nl,
  ( f(a, B1) == f(a, B1) -> write(eq) ; write(ne) ), nl, ( f(a, B1) \== f(a, _) -> write(ne) ; write(eq) ), nl.
