main :- X = f(Y, b), Y = a, write(X), nl, ( f(a, B) = f(A, b) -> write(A/B) ; write(no) ), nl,
  ( a = b -> write(yes) ; write(no) ), nl, Z = [1, 2 | T], T = [3], write(Z), nl,
  ( f(X1, X1) = f(1, 2) -> write(yes) ; write(no) ), nl, g(p(Q), Q), write(Q), nl.
g(p(x), x).
