% Calls that began on the generic matcher leave choice points behind; the predicate gets
% compiled and changed while those are alive. Exceptions thrown through compiled clauses.
:- dynamic(item/1).
:- dynamic(check/1).

item(1). item(2). item(3). item(4).
check(X) :- X > 100, throw(too_big(X)).
check(X) :- X >= 0.

warm(0) :- !.
warm(N) :- item(1), check(N), !, N1 is N - 1, warm(N1).

main :-
    findall(X, (item(X), X < 3), Early), write(early(Early)), nl,
    ( item(A), warm(50), item(B), A < B, retract(item(4)), assertz(item(9)), write(pair(A, B)), nl, fail ; true ),
    findall(X, item(X), Now), write(now(Now)), nl,
    warm(60),
    catch(check(500), E, (write(caught(E)), nl)),
    catch((item(I), check(I), I > 5, write(found(I)), nl), E2, (write(c2(E2)), nl)),
    retract((check(X0) :- X0 > 100, throw(_))),
    warm(100),
    ( check(500) -> write(ok500) ; write(no500) ), nl,
    ( check(-1) -> write(okneg) ; write(noneg) ), nl.
