mk(0, nil) :- !.
mk(N, s(T)) :- N1 is N-1, mk(N1, T).
main :- mk(1000, A), mk(1000, B), ( A = B -> write(equal) ; write(different) ), nl,
  length(L, 3), L = [a|_], L = [_, b|_], L = [_, _, c], write(L), nl.
