main :- member(X, [a, b, c]), write(X), nl, fail.
main :- findall(X-Y, (member(X, [1,2]), member(Y, [x,y])), L), write(L), nl.
