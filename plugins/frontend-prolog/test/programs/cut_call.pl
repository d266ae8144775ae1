t(1). t(2). t(3).
p(X) :- call((t(X), !)).
p(9).
main :- findall(X, p(X), L), write(L), nl, findall(Y, (t(Y), \+ Y = 2), M), write(M), nl,
  G = (t(Z), !), findall(Z, G, N), write(N), nl.
