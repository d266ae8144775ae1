% First-solution calls of small flat predicates compiled in line (if-then-else and \+
% conditions), =.. with a written-out list, and call/1 of the term it builds.
equal(0, 0).
equal(X, X).

small(X) :- X < 3.
small(a).

pair(X, Y) :- X = f(Y).
pair(X, X).

col(red, 1).
col(green, 2).
col(C, N) :- integer(N), N > 10, C = big.

test_if(X, R) :- ( equal(X, 0) -> R = zero ; R = other ).
test_col(C, N, R) :- ( col(C, N) -> R = C-N ; R = none ).

c(0, _) :- !.
c(X, P) :- Y is X-1, C =.. [P, Y, P], call(C).

p(a). p(b).
q(X, Y) :- Y = got(X).

run(G) :- catch((G -> write(yes) ; write(no)), error(E, _), write(caught(E))), nl.

main :-
    test_if(0, A), write(A), nl,
    test_if(5, B), write(B), nl,
    test_if(V, C0), write(V-C0), nl,
    ( equal(U, 0), U == 0 -> write(u0) ; write(nou) ), nl,
    ( small(2) -> write(s2) ; write(ns2) ), nl,
    run(( small(foo) -> true ; true )),
    ( pair(P, 1) -> write(P) ; write(nopair) ), nl,
    ( pair(g(1), Q) -> write(Q) ; write(nopair) ), nl,
    test_col(red, N1, R1), write(N1-R1), nl,
    test_col(C2, 2, R2), write(C2-R2), nl,
    test_col(C3, 20, R3), write(C3-R3), nl,
    test_col(C4, x, R4), ( var(C4) -> write(R4) ; write(bound) ), nl,
    ( \+ equal(3, 0) -> write(ne) ; write(eq) ), nl,
    ( \+ col(blue, _) -> write(nocol) ; write(col) ), nl,
    c(5, c), write(c_done), nl,
    G1 =.. [p, Z], findall(Z, call(G1), Zs), write(Zs), nl,
    G2 =.. [q, 1, W], call(G2), write(W), nl,
    run((G3 =.. [',', fail, 1], call(G3))),
    run((G4 =.. [;, true, 1], call(G4))),
    run((G5 =.. [F5, a], call(G5))),
    run((G6 =.. [1, a], call(G6))),
    run((G7 =.. [foo(x), a], call(G7))),
    run((G8 =.. [undefined_pred, a], call(G8))),
    run((G9 =.. [;, (member(M, [1,2,3]), M > 1, !), fail], call(G9), write(M), nl)),
    run(( member(K, [1,2,3]), G10 =.. [=, K, 2], call(G10) )),
    run((G11 =.. [foo, a | T11], write(T11), nl, G11 = foo(a, b))),
    run((call(1))),
    run((H = (write(h), nl), call(H))),
    run(( findall(X-Y, (member(X, [1,2]), G12 =.. [=, Y, X], call(G12)), L12), write(L12), nl )),
    ( var(F5) -> write(unbound) ; write(F5) ), nl.
