t(1). t(2). t(3).
first(X) :- t(X), !.
max(X, Y, X) :- X >= Y, !.
max(_, Y, Y).
main :- first(X), write(X), nl, max(3, 5, M), write(M), nl, max(7, 2, N), write(N), nl,
  findall(Z, (t(Z), Z > 1, !), L), write(L), nl.
