:- dynamic cnt/1.
cnt(0).
inc :- retract(cnt(N)), N1 is N + 1, assertz(cnt(N1)).
main :- forall(between(1, 1000, _), inc), cnt(X), write(X), nl.
