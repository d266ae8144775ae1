% Binary search trees: insertion, in-order traversal, height, membership, deletion,
% a fold over the tree and a printed sideways picture, from a list of keys.
insert(K, nil, t(nil, K, nil)).
insert(K, t(L, X, R), T) :-
    compare(O, K, X),
    ( O = (<) -> insert(K, L, L1), T = t(L1, X, R)
    ; O = (>) -> insert(K, R, R1), T = t(L, X, R1)
    ; T = t(L, X, R) ).

build(Ks, T) :- foldl(insert, Ks, nil, T).

inorder(nil) --> [].
inorder(t(L, X, R)) --> inorder(L), [X], inorder(R).

height(nil, 0).
height(t(L, _, R), H) :- height(L, HL), height(R, HR), H is max(HL, HR) + 1.

in_tree(K, t(L, X, R)) :- compare(O, K, X), ( O = (=) -> true ; O = (<) -> in_tree(K, L) ; in_tree(K, R) ).

delete(K, t(L, X, R), T) :-
    compare(O, K, X),
    ( O = (<) -> delete(K, L, L1), T = t(L1, X, R)
    ; O = (>) -> delete(K, R, R1), T = t(L, X, R1)
    ; L == nil -> T = R
    ; R == nil -> T = L
    ; min_key(R, M), delete(M, R, R1), T = t(L, M, R1) ).
min_key(t(nil, X, _), X) :- !.
min_key(t(L, _, _), X) :- min_key(L, X).

count(nil, 0).
count(t(L, _, R), N) :- count(L, NL), count(R, NR), N is NL + NR + 1.

show(nil, _).
show(t(L, X, R), D) :- D1 is D + 1, show(R, D1), Ind is 3 * D, format("~t~*|~w~n", [Ind, X]), show(L, D1).

main :-
    Keys = [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 50],
    build(Keys, T),
    phrase(inorder(T), Sorted), format("in order: ~w~n", [Sorted]),
    height(T, H), count(T, N), format("height ~d, ~d nodes~n", [H, N]),
    show(T, 0),
    forall(member(K, [45, 46, 80]), ( in_tree(K, T) -> format("~d found~n", [K]) ; format("~d missing~n", [K]) )),
    delete(50, T, T1), delete(20, T1, T2), phrase(inorder(T2), S2),
    format("after deleting 50 and 20: ~w~n", [S2]),
    T2 = t(_, Root, _), format("new root: ~w~n", [Root]),
    build([m, c, x, a, e, z], TA), phrase(inorder(TA), SA), format("atoms: ~w~n", [SA]),
    numlist(1, 60, Many), build(Many, Deg), height(Deg, HD), format("degenerate height: ~d~n", [HD]).
