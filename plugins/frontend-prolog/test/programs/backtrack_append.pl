main :- append(X, Y, [1,2,3]), write(X+Y), nl, fail.
main :- append([a], [b], L), write(L), nl.
