t(1). t(2).
main :- ( \+ t(3) -> write(not3) ; write(has3) ), nl, ( \+ t(1) -> write(not1) ; write(has1) ), nl,
  findall(X, (member(X, [1,2,3]), \+ t(X)), L), write(L), nl.
