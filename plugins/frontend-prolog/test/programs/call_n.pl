add(X, Y, Z) :- Z is X + Y.
main :- call(add(1), 2, X), write(X), nl, maplist(add(10), [1, 2, 3], L), write(L), nl, G = write(hi), call(G), nl,
  foldl(add, [1, 2, 3], 0, S), write(S), nl, include(integer, [a, 1, b, 2], I), write(I), nl, once(member(M, [x, y])), write(M), nl,
  ignore(fail), write(ok), nl.
