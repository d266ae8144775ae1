main :- findall(X-Y, member(X, [1, 2]), L), L = [A-B, C-D], ( B == D -> write(same) ; write(fresh) ), nl,
  write(A), write(C), nl, findall(Z, (Z = g(W), W = 1), M), write(M), nl.
