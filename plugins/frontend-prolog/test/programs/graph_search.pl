% Graph search over a small road map: depth-first paths without cycles, breadth-first
% shortest path, Dijkstra-style cheapest path with a sorted frontier, reachability.
road(a, b, 7). road(a, c, 9). road(a, f, 14). road(b, c, 10). road(b, d, 15).
road(c, d, 11). road(c, f, 2). road(d, e, 6). road(e, f, 9). road(g, h, 1).

edge(X, Y, C) :- road(X, Y, C).
edge(X, Y, C) :- road(Y, X, C).

path(From, To, Path) :- dfs(From, To, [From], P), reverse(P, Path).
dfs(To, To, Seen, Seen).
dfs(From, To, Seen, P) :- edge(From, Next, _), \+ memberchk(Next, Seen), dfs(Next, To, [Next|Seen], P).

bfs(From, To, Path) :- bfs_([[From]], To, [From], P), reverse(P, Path).
bfs_([[To|Rest]|_], To, _, [To|Rest]) :- !.
bfs_([[N|Rest]|Queue], To, Seen, P) :-
    findall([M, N|Rest], (edge(N, M, _), \+ memberchk(M, Seen)), Next),
    findall(M, member([M|_], Next), Ms), append(Seen, Ms, Seen1),
    append(Queue, Next, Queue1), bfs_(Queue1, To, Seen1, P).

cheapest(From, To, Cost, Path) :- dijkstra([0-[From]], To, [], Cost, P), reverse(P, Path).
dijkstra([C-[To|R]|_], To, _, C, [To|R]) :- !.
dijkstra([C-[N|R]|Frontier], To, Done, Cost, P) :-
    ( memberchk(N, Done) -> dijkstra(Frontier, To, Done, Cost, P)
    ; findall(C1-[M, N|R], (edge(N, M, W), \+ memberchk(M, Done), C1 is C + W), New),
      append(Frontier, New, F1), keysort(F1, F2),
      dijkstra(F2, To, [N|Done], Cost, P) ).

reachable(X, Set) :- reach([X], [X], Set0), sort(Set0, Set).
reach([], Seen, Seen).
reach([N|Ns], Seen, Set) :-
    findall(M, (edge(N, M, _), \+ memberchk(M, Seen)), Ms0), sort(Ms0, Ms),
    append(Seen, Ms, Seen1), append(Ns, Ms, Queue), reach(Queue, Seen1, Set).

main :-
    findall(P, path(a, e, P), Ps), length(Ps, N), write(paths(N)), nl,
    Ps = [First|_], write(first(First)), nl,
    bfs(a, e, B), write(bfs(B)), nl,
    cheapest(a, e, C, CP), write(cheapest(C, CP)), nl,
    forall(member(X, [a, g]), (reachable(X, S), write(X-S), nl)),
    ( bfs_([[a]], h, [a], _) -> write(yes) ; write(no_route_to_h) ), nl,
    setof(L-P2, (path(a, d, P2), length(P2, L)), [Shortest|_]), write(Shortest), nl.
