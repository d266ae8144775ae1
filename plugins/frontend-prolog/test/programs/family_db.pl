% A family database queried with setof/3 and bagof/3 (with ^ and free variables),
% aggregate_all/3 and forall/2.
parent(tom, bob). parent(tom, liz). parent(bob, ann). parent(bob, pat).
parent(pat, jim). parent(liz, joe). parent(liz, sue). parent(joe, amy).
male(tom). male(bob). male(jim). male(joe).
female(liz). female(ann). female(pat). female(sue). female(amy).

grandparent(G, C) :- parent(G, P), parent(P, C).
ancestor(A, D) :- parent(A, D).
ancestor(A, D) :- parent(A, X), ancestor(X, D).
sibling(A, B) :- parent(P, A), parent(P, B), A \== B.
mother(M, C) :- parent(M, C), female(M).

main :-
    setof(C, parent(tom, C), Cs), format("tom's children: ~w~n", [Cs]),
    ( setof(P-Ks, setof(K, parent(P, K), Ks), Groups) -> true ; Groups = [] ),
    forall(member(P-Ks, Groups), format("  ~a: ~w~n", [P, Ks])),
    setof(G, C^grandparent(G, C), Gs), format("grandparents: ~w~n", [Gs]),
    findall(P2-L, bagof(K2, parent(P2, K2), L), Bags), format("bags: ~w~n", [Bags]),
    ( bagof(X, parent(nobody, X), Xs) -> writeln(Xs) ; writeln('nobody has no children') ),
    setof(D, ancestor(tom, D), Ds), length(Ds, ND), format("tom has ~d descendants: ~w~n", [ND, Ds]),
    setof(A-B, sibling(A, B), Sibs), format("siblings: ~w~n", [Sibs]),
    aggregate_all(count, male(_), NM), aggregate_all(count, female(_), NF),
    format("~d male, ~d female~n", [NM, NF]),
    aggregate_all(bag(M), mother(M, _), Ms), sort(Ms, SMs), format("mothers: ~w~n", [SMs]),
    aggregate_all(max(N, Who), (parent(Who, _), aggregate_all(count, parent(Who, _), N)), Max),
    format("most children: ~w~n", [Max]),
    ( forall(grandparent(_, Y), \+ male(Y)) -> writeln('all grandchildren female') ; writeln('some grandchild male') ).
