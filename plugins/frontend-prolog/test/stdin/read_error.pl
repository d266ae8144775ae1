% An uncaught syntax error from read/1 ends the -g goal with status 2; what was printed stays.
main :- read(X), writeq(X), nl, read(Y), writeq(Y), nl.
