main :- length([a, b, c], N), write(N), nl, length(L, 2), L = [p|_], L = [_, q], write(L), nl, findall(K, (length(M, K), K >= 3, !), Ks), write(Ks), nl,
  nth0(1, [a, b, c], E0), nth1(1, [a, b, c], E1), write(E0/E1), nl, last([1, 2, 3], La), write(La), nl, reverse([1, 2, 3], R), write(R), nl.
