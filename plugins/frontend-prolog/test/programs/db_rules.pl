:- dynamic sq/2.
main :- assertz((sq(X, Y) :- Y is X * X)), sq(5, R), write(R), nl, assertz((big(X) :- X > 100, !)), ( big(200) -> write(yes) ; write(no) ), nl,
  clause(sq(A, B), Body), A = 3, B = 9, write(Body), nl, retract((sq(_, _) :- _)), ( catch(sq(2, _), E, (write(E), nl)) -> true ; write(gone) ), nl.
