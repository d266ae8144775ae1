t(1). t(2). t(3).
p(X) :- ( t(X), X > 1 -> true ; X = none ).
q(X) :- t(X), ( X >= 2 -> ! ; true ).
r(X) :- ( t(X) ; X = 4 ), X > 2, !.
main :- p(X), write(X), nl, findall(Y, q(Y), L), write(L), nl, r(Z), write(Z), nl.
