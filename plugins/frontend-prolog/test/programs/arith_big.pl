fact(0, 1) :- !.
fact(N, F) :- N1 is N-1, fact(N1, F1), F is N * F1.
main :- fact(30, F), write(F), nl, X is F // fact_helper, write(X), nl.
main :- fact(25, F), G is F - F + 1, write(G), nl, H is 1073741823 + 1, write(H), nl, I is -1073741824 - 1, write(I), nl,
  J is 65536 * 65536, write(J), nl, K is J * J * J, write(K), nl, L is K mod 1000007, write(L), nl,
  ( K > J -> write(bigger) ; write(smaller) ), nl.
