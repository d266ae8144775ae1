main :- forall(member(G, [1 < 2, 2 < 1, 1 =< 1, 3 >= 4, 2 =:= 2, 2 =\= 3, 1.5 < 2, 3 > 2.5, 1 + 1 =:= 2]),
  ( call(G) -> write(G-true) ; write(G-false) ), nl).
