a(1). a(2).
p(X) :- ( a(X), ! ; X = 3 ).
p(4).
q(X) :- ( X = 1 ; X = 2, ! ; X = 3 ).
q(5).
main :- findall(X, p(X), L), write(L), nl, findall(Y, q(Y), M), write(M), nl.
