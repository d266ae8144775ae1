% The water jug puzzle (4 and 3 litre jugs, get 2 litres) by breadth-first search over
% states with a queue as a difference list, and the river crossing (farmer, wolf, goat,
% cabbage) by depth-first search with a visited list.
move(s(A, B), fill_a, s(4, B)) :- A < 4.
move(s(A, B), fill_b, s(A, 3)) :- B < 3.
move(s(A, B), empty_a, s(0, B)) :- A > 0.
move(s(A, B), empty_b, s(A, 0)) :- B > 0.
move(s(A, B), pour_ab, s(A1, B1)) :- A > 0, B < 3, T is min(A, 3 - B), A1 is A - T, B1 is B + T.
move(s(A, B), pour_ba, s(A1, B1)) :- B > 0, A < 4, T is min(B, 4 - A), A1 is A + T, B1 is B - T.

bfs(Start, Goal, Path) :- bfs_([Start-[]|Q]-Q, Goal, [Start], Path).
bfs_([S-P|_]-_, Goal, _, Path) :- call(Goal, S), !, reverse(P, Path).
bfs_([S-P|Rest]-Tail, Goal, Seen, Path) :-
    findall(N-[M|P], ( move(S, M, N), \+ memberchk(N, Seen) ), Next),
    findall(N, member(N-_, Next), Ns), append(Seen, Ns, Seen1),
    append(Next, Tail1, Tail),
    Rest \== Tail1,
    bfs_(Rest-Tail1, Goal, Seen1, Path).

two(s(2, _)).
two(s(_, 2)).

opposite(w, e). opposite(e, w).
safe(b(F, W, G, C)) :- ( W == G -> F == W ; true ), ( G == C -> F == G ; true ).
cross(b(F, W, G, C), alone, b(F1, W, G, C)) :- opposite(F, F1).
cross(b(F, F, G, C), wolf, b(F1, F1, G, C)) :- opposite(F, F1).
cross(b(F, W, F, C), goat, b(F1, W, F1, C)) :- opposite(F, F1).
cross(b(F, W, G, F), cabbage, b(F1, W, G, F1)) :- opposite(F, F1).
dfs(S, _, []) :- S == b(e, e, e, e), !.
dfs(S, Seen, [M|Ms]) :- cross(S, M, N), safe(N), \+ memberchk(N, Seen), dfs(N, [N|Seen], Ms).

main :-
    bfs(s(0, 0), two, Path), length(Path, L),
    format("jugs in ~d moves: ~w~n", [L, Path]),
    foldl([M, S0, S]>>( move(S0, M, S), format("  ~w~t~10|~w~n", [M, S]) ), Path, s(0, 0), _),
    findall(Ms, dfs(b(w, w, w, w), [b(w, w, w, w)], Ms), Sols),
    length(Sols, NS), format("~d river crossings~n", [NS]),
    forall(member(Ms, Sols), ( atomic_list_concat(Ms, ' ', A), format("  ~a~n", [A]) )).
