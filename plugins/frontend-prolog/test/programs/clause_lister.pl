% A small clause lister: reads dynamic clauses back with clause/2, names their variables
% with numbervars/3 and prints them as listing/1 would, through print/1, writeq/1,
% write_term/2 and format's ~p ~q ~w; also checks ground/1 and copy_term/2 on the way.
:- dynamic(edge/2).
:- dynamic(path/3).

edge(a, b). edge(b, c). edge(c, d).
path(X, Y, [X, Y]) :- edge(X, Y).
path(X, Y, [X | P]) :- edge(X, Z), path(Z, Y, P).

portray(Head, Body) :-
    copy_term(Head-Body, H-B), numbervars(H-B, 0, End),
    ( B == true -> format("~q.~n", [H]) ; format("~q :-~n", [H]), portray_body(B, 1), write('.'), nl ),
    format("  % ~d variables~n", [End]).
portray_body((A, B), D) :- !, portray_body(A, D), write(','), nl, portray_body(B, D).
portray_body(G, D) :- Ind is 4 * D, tab(Ind), print(G).

list(Name/Arity) :-
    functor(H, Name, Arity), format("% ~w~n", [Name/Arity]),
    forall(clause(H, B), portray(H, B)).

main :-
    list(edge/2), list(path/3),
    T = f(X, g(Y, X), _Z), copy_term(T, T2), numbervars(T2, 23, E),
    print(T2), nl, writeq(T2), nl, write(T2), nl, format("~w ~q ~p ~a~n", [T2, T2, T2, end]),
    write_canonical(T2), nl, write_term(T2, []), nl, write_term(T2, [numbervars(true), quoted(true)]), nl,
    format("next free: ~d~n", [E]),
    ( ground(T) -> writeln(ground) ; writeln(not_ground) ), ( ground(T2) -> writeln(ground) ; writeln(not_ground) ),
    X = 1, Y = [a], ( ground(T) -> writeln(ground) ; writeln(still_not_ground) ),
    print(['$VAR'(0), '$VAR'(25), '$VAR'(26), '$VAR'(52), '$VAR'('Foo'), '$VAR'(foo), '$VAR'(-3), '$VAR'("S"), '$VAR'(1.5)]), nl,
    writeq(- '$VAR'(1)), nl, writeq('$VAR'(1) - '$VAR'(2)), nl, writeq(['$VAR'(1) | '$VAR'(2)]), nl,
    catch(numbervars(f(_), a, _), error(Err, _), (print(Err), nl)),
    numbervars(g(P, Q, P), 0, End2), print(g(P, Q, End2)), nl.
