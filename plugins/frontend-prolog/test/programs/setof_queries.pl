% Queries over a family database with bagof/3, setof/3 (with ^), findall/4,
% aggregate_all/3 and forall/2.
parent(tom, bob).
parent(tom, liz).
parent(bob, ann).
parent(bob, pat).
parent(pat, jim).
parent(liz, joe).
parent(liz, amy).
age(tom, 70). age(bob, 45). age(liz, 43). age(ann, 20).
age(pat, 22). age(jim, 2). age(joe, 15). age(amy, 12).

grandparent(G, C) :- parent(G, P), parent(P, C).

show(Label, Goal) :-
    (   catch(Goal, error(E, _), (format("~w: error ~q~n", [Label, E]), fail))
    ->  format("~w: ~q~n", [Label, Goal])
    ;   format("~w: no~n", [Label])
    ).

main :-
    forall(bagof(C, parent(P, C), Cs), format("~w -> ~w~n", [P, Cs])),
    forall(setof(C, P^parent(P, C), All), format("all children ~w~n", [All])),
    setof(P-Cs, setof(C, parent(P, C), Cs), Families), format("~w~n", [Families]),
    show(no_children, bagof(C, parent(jim, C), _)),
    setof(C, grandparent(tom, C), GKs), format("grandkids ~w~n", [GKs]),
    forall(setof(G, C^grandparent(G, C), Gs), format("grandparents ~w~n", [Gs])),
    aggregate_all(count, parent(_, _), N), format("~d parent facts~n", [N]),
    aggregate_all(sum(A), age(_, A), Sum), format("age sum ~d~n", [Sum]),
    aggregate_all(max(A), age(_, A), Max), format("oldest ~d~n", [Max]),
    aggregate_all(min(A), age(_, A), Min), format("youngest ~d~n", [Min]),
    aggregate_all(max(A, W), age(W, A), max(MA, MW)), format("max ~w ~w~n", [MA, MW]),
    aggregate_all(min(A, W), age(W, A), MinW), format("min ~w~n", [MinW]),
    aggregate_all(bag(P), parent(P, _), Bag), format("bag ~w~n", [Bag]),
    aggregate_all(set(P), parent(P, _), Set), format("set ~w~n", [Set]),
    aggregate_all(count, fail, Zero), format("count of nothing ~w~n", [Zero]),
    show(max_of_nothing, aggregate_all(max(_), fail, _)),
    findall(C, parent(tom, C), Kids, [tail]), format("findall/4 ~w~n", [Kids]),
    (   forall(age(_, X), X > 0) -> format("all ages positive~n") ; true ),
    (   forall(age(_, X), X > 18) -> true ; format("not all adults~n") ),
    bagof(X-Y, member(X-Y, [2-a, 1-b, 2-c, 1-d]), Pairs), format("pairs ~w~n", [Pairs]),
    forall(bagof(X, member(X-Y, [2-a, 1-b, 2-a, 1-d]), Xs), format("~w: ~w~n", [Y, Xs])),
    forall(setof(K, V^member(K-V, [b-1, a-2, b-3, c-4]), Ks), format("keys ~w~n", [Ks])),
    show(unbound_goal, bagof(_, _G, _)),
    show(not_callable, setof(X, 42, _)),
    setof(L-Ws, setof(Wd, (member(Wd, [cat, dog, emu, ant, bee, cow, yak]), atom_length(Wd, L)), Ws), ByLen),
    format("~w~n", [ByLen]),
    aggregate_all(count, (member(X, [1, 2, 3, 4, 5, 6]), X mod 2 =:= 0), Evens), format("evens ~w~n", [Evens]).
