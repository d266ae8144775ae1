t(1). t(2).
main :- findall(X, (t(X) *-> true ; X = none), L), write(L), nl,
  findall(X, (fail *-> X = yes ; X = none), M), write(M), nl.
