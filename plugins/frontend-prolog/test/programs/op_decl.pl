:- op(700, xfx, ===>).
:- op(200, xfy, likes).
rule(a ===> b).
main :- rule(X), writeq(X), nl, Y = (john likes mary), writeq(Y), nl, Y = (A likes B), write(A/B), nl.
