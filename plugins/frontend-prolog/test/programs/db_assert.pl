:- dynamic counter/1, fact/2.
fact(a, 1).
main :- assertz(counter(0)), retract(counter(X)), Y is X + 1, assertz(counter(Y)), counter(Z), write(Z), nl,
  assertz(fact(b, 2)), asserta(fact(z, 0)), findall(K-V, fact(K, V), L), write(L), nl,
  retract(fact(a, _)), findall(K, fact(K, _), M), write(M), nl, retractall(fact(_, _)), findall(K, fact(K, _), N), write(N), nl.
