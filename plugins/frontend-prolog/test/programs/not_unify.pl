main :- ( a \= b -> write(diff) ; write(same) ), nl, ( f(X) \= f(1) -> write(diff) ; write(unifiable) ), nl, ( var(X) -> write(still_var) ; write(bound) ), nl,
  ( f(a) \== f(a) -> write(ne) ; write(eq) ), nl.
