cls(X, C) :- ( X < 0 -> C = neg ; X =:= 0 -> C = zero ; X < 10 -> C = small ; C = big ).
main :- forall(member(X, [-5, 0, 3, 42]), (cls(X, C), write(X:C), nl)).
