main :- X is 1.5 + 2, write(X), nl, Y is sqrt(16), write(Y), nl, Z is 10 / 4.0, write(Z), nl,
  A is float(3), write(A), nl, B is truncate(3.7), C is round(-2.5), D is ceiling(2.1), E is floor(-2.1), write([B, C, D, E]), nl,
  F is 1.0e20, write(F), nl, G is 1.0e-10, write(G), nl, H is 123.456, write(H), nl, I is pi, write(I), nl,
  ( 1 =:= 1.0 -> write(eq) ; write(ne) ), nl, J is 2 ** 0.5, write(J), nl, K is 1.0 * 1000000000000000, write(K), nl.
