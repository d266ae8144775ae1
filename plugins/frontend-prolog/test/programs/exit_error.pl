main :- write(start), nl, X is foo + 1, write(X), nl.
