:- dynamic p/1.
p(1). p(2). p(3).
main :- forall(p(X), (Y is X + 10, assertz(p(Y)))), findall(X, p(X), L), write(L), nl,
  forall(p(X), retract(p(X))), findall(X, p(X), M), write(M), nl.
