% catch/3 and findall/3 whose goals are compiled in the clause (issue 16): cuts local to
% the goal, a recovery sharing the clause's variables, a handler that does not match
% throwing the ball on, a catcher that half-matches the ball, and choice points left in
% the goal.
q(1). q(2). q(3).
r(X) :- X = a ; X = b.

show(T) :- ( catch(T, E, (write(uncaught(T, E)), nl)) -> true ; write(failed(T)), nl ).

c1 :- catch(throw(x(1)), x(A), (write(caught(A)), nl)).
c2 :- catch(q(X), _, true), X >= 2, !, write(X), nl.
c3 :- catch((q(X), X > 1, throw(found(X))), found(Y), (write(f(Y)), nl)).
c4 :- catch(catch(throw(a), b, write(wrong)), a, (write(outer), nl)).
c5 :- catch(catch(throw(f(_, d)), f(b, c), write(no)), f(Z, d),
            ((var(Z) -> write(unbound) ; write(bound(Z))), nl)).
c6 :- X = 5, catch(throw(e), e, (Y is X + 1, write(Y), nl)).
c7 :- catch(throw(e), E, (q(A), !, write(E/A), nl)).
c8 :- catch(catch(throw(e), e, 1), error(E, _), (write(E), nl)).
c9 :- catch(r(X), E, (write(E), nl)), X == b, write(X), nl.
c10 :- catch((member(X, [1,2,3]), !, write(X), nl), _, true), fail.
c10.
c11 :- catch(throw(_), error(E, _), (write(E), nl)).
c12 :- catch(c12a, E, (write(c(E)), nl)).
c12a :- catch(throw(inner), other, true).
f1 :- findall(X-Y, (q(X), q(Y), X < Y), L), write(L), nl.
f2 :- findall(X, (q(X), !), L), write(L), nl.
f3 :- findall(X, (member(X, [a,b]) ; X = c), L), write(L), nl.
f4 :- findall(L, (q(X), findall(Y, (q(Y), Y =< X), L)), LL), write(LL), nl.
f5 :- findall(X-W, (q(X), (X > 1 -> W = big ; W = small)), L), write(L), nl.
f6 :- Z = 10, findall(Y, (q(X), Y is X * Z), L), write(L), nl.
f7 :- findall(X, q(X), [2|_]) -> write(yes), nl ; write(no), nl.
f8 :- catch(findall(X, (q(X), X > 2, throw(big(X))), _), big(N), (write(caught(N)), nl)).

main :- forall(member(T, [c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,f1,f2,f3,f4,f5,f6,f7,f8]), show(T)).
