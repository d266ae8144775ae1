% A small interpreter for an imperative language: programs are terms, the store an
% association list; while loops, if, assignment, print, and runtime errors as exceptions.
eval(N, _, N) :- integer(N), !.
eval(V, S, X) :- atom(V), !, ( memberchk(V-X, S) -> true ; throw(unbound(V)) ).
eval(A + B, S, X) :- eval(A, S, XA), eval(B, S, XB), X is XA + XB.
eval(A - B, S, X) :- eval(A, S, XA), eval(B, S, XB), X is XA - XB.
eval(A * B, S, X) :- eval(A, S, XA), eval(B, S, XB), X is XA * XB.
eval(A / B, S, X) :- eval(A, S, XA), eval(B, S, XB), ( XB =:= 0 -> throw(division_by_zero) ; X is XA // XB ).
eval(A mod B, S, X) :- eval(A, S, XA), eval(B, S, XB), X is XA mod XB.
eval(A < B, S, X) :- eval(A, S, XA), eval(B, S, XB), ( XA < XB -> X = 1 ; X = 0 ).
eval(A = B, S, X) :- eval(A, S, XA), eval(B, S, XB), ( XA =:= XB -> X = 1 ; X = 0 ).

set(V, X, [], [V-X]).
set(V, X, [V-_|S], [V-X|S]) :- !.
set(V, X, [P|S0], [P|S]) :- set(V, X, S0, S).

exec(skip, S, S).
exec((A ; B), S0, S) :- exec(A, S0, S1), exec(B, S1, S).
exec(V := E, S0, S) :- eval(E, S0, X), set(V, X, S0, S).
exec(print(E), S, S) :- eval(E, S, X), write(X), nl.
exec(if(C, T, E), S0, S) :- eval(C, S0, X), ( X =\= 0 -> exec(T, S0, S) ; exec(E, S0, S) ).
exec(while(C, B), S0, S) :- eval(C, S0, X), ( X =\= 0 -> exec(B, S0, S1), exec(while(C, B), S1, S) ; S = S0 ).

program(factorial, (n := 25 ; f := 1 ; while(0 < n, (f := f * n ; n := n - 1)) ; print(f))).
program(fib, (a := 0 ; b := 1 ; i := 0 ; while(i < 90, (t := a + b ; a := b ; b := t ; i := i + 1)) ; print(a))).
program(gcd, (x := 1071 ; y := 462 ; while(0 < y, (t := x mod y ; x := y ; y := t)) ; print(x))).
program(collatz, (n := 27 ; steps := 0 ; while(0 < n - 1, (if(n mod 2 = 0, n := n / 2, n := 3 * n + 1) ; steps := steps + 1)) ; print(steps))).
program(unbound, (x := 1 ; print(x + y))).
program(divide, (x := 10 ; y := x - 10 ; print(x / y))).

main :-
    forall(program(Name, P),
           ( write(Name), write(': '), nl,
             catch(( exec(P, [], S), msort(S, Sorted), write(store(Sorted)), nl ),
                   E, ( write(error(E)), nl )) )).
