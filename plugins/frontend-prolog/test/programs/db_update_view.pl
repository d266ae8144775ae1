% The logical update view: a running call of a dynamic predicate sees the clauses that
% existed when it started, whatever is asserted or retracted while it iterates.
:- dynamic(q/1).
:- dynamic(c/1).
:- dynamic(e/1).
q(1). q(2). q(3).
c(0).
show(P) :- findall(X, call(P, X), L), write(L), nl.
bump :- retract(c(N)), M is N + 1, assertz(c(M)).
main :-
  forall(q(X), (Y is X + 10, assertz(q(Y)))), show(q),
  forall(q(X), (X > 10 -> retract(q(X)) ; true)), show(q),
  forall(q(X), (retract(q(X)), Z is X * 100, asserta(q(Z)), bump)), show(q), show(c),
  ( q(X), write(saw(X)), nl, retractall(q(_)), fail ; true ), show(q),
  assertz(q(a)), assertz(q(b)), ( retract(q(X)), write(retracted(X)), nl, X == b -> true ; true ), show(q),
  ( e(_) -> write(yes) ; write(no) ), nl,
  assertz((e(X) :- X = 1 ; X = 2)), assertz(e(3)), show(e),
  ( e(X), assertz(e(4)), X >= 3 -> write(stop(X)) ; write(none) ), nl, show(e),
  retract((e(X) :- X = 1 ; X = 2)), show(e),
  abolish(e/1), catch(e(_), error(Err, _), (writeq(Err), nl)).
