% Memoisation with the database: Fibonacci and Collatz chain lengths cached by assertz/1,
% a counter in a global variable (nb_setval/nb_getval), and the longest chain below a bound.
:- dynamic(fib_memo/2).
:- dynamic(chain_memo/2).

fib(N, F) :- fib_memo(N, F), !.
fib(N, F) :- N < 2, !, F = N.
fib(N, F) :- N1 is N - 1, N2 is N - 2, fib(N1, F1), fib(N2, F2), F is F1 + F2, assertz(fib_memo(N, F)).

chain(1, 1) :- !.
chain(N, L) :- chain_memo(N, L), !.
chain(N, L) :-
    nb_getval(steps, S0), S is S0 + 1, nb_setval(steps, S),
    ( N mod 2 =:= 0 -> M is N // 2 ; M is 3 * N + 1 ),
    chain(M, L0), L is L0 + 1,
    ( N < 500 -> assertz(chain_memo(N, L)) ; true ).

longest(Max, Best-Len) :-
    aggregate_all(max(L, N), ( between(1, Max, N), chain(N, L) ), max(Len, Best)).

main :-
    fib(30, F30), fib(150, F150), format("fib(30) = ~d~nfib(150) = ~d~n", [F30, F150]),
    aggregate_all(count, fib_memo(_, _), NM), format("~d memo entries~n", [NM]),
    nb_setval(steps, 0),
    chain(27, L27), nb_getval(steps, S27), format("chain(27) = ~d after ~d steps~n", [L27, S27]),
    longest(100, B), nb_getval(steps, S), format("longest below 100: ~w (~d steps in all)~n", [B, S]),
    aggregate_all(count, chain_memo(_, _), NC), format("~d chain entries~n", [NC]),
    retractall(fib_memo(_, _)), ( fib_memo(_, _) -> true ; writeln('memo cleared') ),
    findall(N-L, ( member(N, [6, 7, 97, 871]), chain(N, L) ), Ls), print(Ls), nl,
    X is 2 ** 64 + 1, chain(X, LX), format("chain(2^64+1) = ~d~n", [LX]).
