% Dynamic predicates called often enough to be compiled at run time, then changed while
% callers still iterate over them: every answer must follow the logical update view.
:- dynamic(fact/2).
:- dynamic(rule/2).
:- dynamic(counter/1).

fact(a, 1).
fact(b, 2).
fact(c, 3).
fact(d(x), 4).
fact([1,2], 5).

rule(X, Y) :- fact(X, Y), Y > 2, !.
rule(X, big) :- fact(X, Y), ( Y > 4 -> true ; Y =:= 1 ).
rule(X, Z) :- \+ fact(X, _), Z = none ; X = other, Z = other.
rule(g(X), T) :- T = tree(X, [X, leaf], 'a b').

counter(0).

sum_facts(S) :- findall(V, fact(_, V), Vs), sum(Vs, 0, S).
sum([], S, S).
sum([X|Xs], A, S) :- A1 is A + X, sum(Xs, A1, S).

spin(0) :- !.
spin(N) :- fact(b, _), fact(d(_), _), rule(a, _), \+ fact(zzz, _), N1 is N - 1, spin(N1).

bump :- retract(counter(N)), N1 is N + 1, assertz(counter(N1)).

main :-
    spin(100),
    sum_facts(S0), write(sum0(S0)), nl,
    findall(X-Y, rule(X, Y), R0), write(R0), nl,
    findall(T, rule(g(7), T), T0), write(T0), nl,
    ( fact(d(Q), V) -> write(indexed(Q, V)) ; write(none) ), nl,
    % Change the clauses while iterating over them (logical update view).
    forall(fact(K, V2), ( V3 is V2 * 10, assertz(fact(K, V3)) )),
    sum_facts(S1), write(sum1(S1)), nl,
    spin(100),
    forall(fact(K2, V4), ( V4 > 20 -> retract(fact(K2, V4)) ; true )),
    sum_facts(S2), write(sum2(S2)), nl,
    findall(X-Y, rule(X, Y), R1), write(R1), nl,
    % call/N on the compiled predicate.
    G = fact(c), findall(W, call(G, W), Ws), write(Ws), nl,
    % A clause that cuts inside an if-then-else.
    asserta((rule(X, first) :- X == a, !)),
    spin(100),
    findall(Y, rule(a, Y), R2), write(R2), nl,
    % Counter bumped in a loop: the predicate changes every time.
    forall(between(1, 200, _), bump), counter(C), write(counter(C)), nl,
    retract((rule(_, first) :- _)),
    findall(Y, rule(a, Y), R3), write(R3), nl,
    abolish(fact/2),
    catch(fact(_, _), error(F, _), (write(caught(F)), nl)).
