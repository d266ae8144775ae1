:- dynamic n/1.
n(0).
main :- repeat, retract(n(X)), X1 is X + 1, assertz(n(X1)), X1 >= 5, !, write(X1), nl.
