main :- findall(X, between(1, 5, X), L), write(L), nl, ( between(1, 3, 3) -> write(yes) ; write(no) ), nl,
  forall(between(1, 3, I), (J is I * I, write(J), nl)), aggregate_all(count, between(1, 100, _), C), write(C), nl.
