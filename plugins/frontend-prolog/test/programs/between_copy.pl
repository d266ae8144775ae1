% between/3 in its modes, and copy_term/2 keeping sharing and leaving the original alone.
:- set_prolog_flag(double_quotes, codes).
main :-
  findall(X, between(1, 5, X), L1), write(L1), nl,
  findall(X, between(3, 1, X), L2), write(L2), nl,
  ( between(1, 3, 3) -> write(yes) ; write(no) ), nl,
  ( between(1, 3, 4) -> write(yes) ; write(no) ), nl,
  ( between(1, inf, X), X * X > 50 -> write(X) ; true ), nl,
  findall(X-Y, (between(1, 3, X), between(X, 3, Y)), L3), write(L3), nl,
  B is 2 ^ 70, B1 is B + 2, findall(X, between(B, B1, X), L4), write(L4), nl,
  catch(between(a, 3, _), error(E, _), (writeq(E), nl)),
  catch(between(_, 3, _), error(E2, _), (writeq(E2), nl)),
  T = f(A, g(B0, A), _C), copy_term(T, T2), T2 = f(P, g(Q, R), S),
  ( P == R -> write(shared) ; write(not_shared) ), nl,
  ( P \== A, Q \== B0 -> write(fresh) ; write(same) ), nl,
  ( var(S), var(A) -> write(unbound) ; write(bound) ), nl,
  P = 1, Q = 2, S = 3, write(T2), nl, ( var(A) -> write(original_free) ; write(original_bound) ), nl,
  copy_term([x, 1, "ab", f(y)], G), write(G), nl,
  copy_term(h(V, V, W), h(1, Z, W2)), write(Z), nl, ( W2 \== W -> write(ok) ; write(bad) ), nl,
  ( copy_term(k(V2, V2), k(1, 2)) -> write(yes) ; write(no) ), nl, ( var(V2) -> write(free) ; true ), nl.
