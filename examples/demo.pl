% The jitc demo: a little Prolog run on ARMv7 machine code in Unicorn.
:- initialization(main).

nrev([], []).
nrev([H|T], R) :- nrev(T, RT), append(RT, [H], R).

iterate(0) :- !.
iterate(N) :- M is N - 1, iterate(M).

queens(N, Qs) :- numlist(1, N, Ns), permutation(Ns, Qs), safe(Qs).
safe([]).
safe([Q|Qs]) :- no_attack(Q, Qs, 1), safe(Qs).
no_attack(_, [], _).
no_attack(Q, [Q1|Qs], D) :- Q =\= Q1 + D, Q =\= Q1 - D, D1 is D + 1, no_attack(Q, Qs, D1).

main :-
    numlist(1, 20, L), nrev(L, R), write(nrev(R)), nl,
    iterate(1000000), write(iterated(1000000)), nl,
    findall(Q, queens(6, Q), Solutions), length(Solutions, Count),
    write(queens(6, Count)), nl, Solutions = [First|_], write(first(First)), nl,
    X is 2 ** 100, write(big(X)), nl,
    catch(Y is 1 / 0, error(E, _), (write(caught(E)), nl)), var(Y),
    halt.
