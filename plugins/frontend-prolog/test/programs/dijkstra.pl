% Shortest paths by Dijkstra's algorithm over a weighted graph given as facts, with the
% frontier kept as a sorted list of Dist-Node pairs (keysort/2), paths rebuilt from
% predecessor pairs, and an all-pairs table printed with format/2.
edge(a, b, 7). edge(a, c, 9). edge(a, f, 14). edge(b, c, 10). edge(b, d, 15).
edge(c, d, 11). edge(c, f, 2). edge(d, e, 6). edge(e, f, 9). edge(g, h, 1).
link(X, Y, W) :- edge(X, Y, W) ; edge(Y, X, W).

dijkstra(Start, Dists) :- dijkstra_([0-Start], [], [Start-none], Dists).
dijkstra_([], Done, _, Dists) :- reverse(Done, Dists).
dijkstra_([D-N | Frontier], Done, Preds, Dists) :-
    ( memberchk(N-_-_, Done) -> dijkstra_(Frontier, Done, Preds, Dists)
    ; memberchk(N-P, Preds),
      findall(D1-M, ( link(N, M, W), \+ memberchk(M-_-_, Done), D1 is D + W ), New),
      findall(M-N, member(_-M, New), NewPreds), append(NewPreds, Preds, Preds1),
      append(New, Frontier, F1), keysort(F1, F2),
      dijkstra_(F2, [N-D-P | Done], Preds1, Dists) ).

path_to(Dists, N, Path) :- path_to_(Dists, N, [], Path).
path_to_(_, none, Acc, Acc) :- !.
path_to_(Dists, N, Acc, Path) :- memberchk(N-_-P, Dists), path_to_(Dists, P, [N | Acc], Path).

main :-
    dijkstra(a, Ds),
    forall(member(N-D-_, Ds), ( path_to(Ds, N, P), atomic_list_concat(P, ' -> ', PA), format("~w~t~4|~t~d~4+  ~w~n", [N, D, PA]) )),
    setof(N, W^M^link(N, M, W), Nodes),
    format("~t~6|"), forall(member(N, Nodes), format("~t~w~4+", [N])), nl,
    forall(member(F, Nodes),
           ( dijkstra(F, DF), format("~w~t~6|", [F]),
             forall(member(T, Nodes), ( memberchk(T-DT-_, DF) -> format("~t~d~4+", [DT]) ; format("~t~w~4+", [-]) )), nl )),
    aggregate_all(max(D, N), member(N-D-_, Ds), max(MD, MN)), format("farthest from a: ~w at ~d~n", [MN, MD]).
