main :- findall(X, member(X, [c, a, b]), L), write(L), nl, findall(X, fail, E), write(E), nl,
  findall(f(X, Y), member(X-Y, [1-a, 2-b]), P), write(P), nl,
  findall(L2, (member(N, [1,2]), findall(N-M, member(M, [x,y]), L2)), Nested), write(Nested), nl.
