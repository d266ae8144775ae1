% Word frequencies of a text: split_string, string_lower, msort and run-length counting.
text("The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!").

words(Text, Words) :-
    split_string(Text, " ", ".,;!?", Raw),
    exclude(==(""), Raw, NonEmpty),
    maplist(string_lower, NonEmpty, Words).

count_runs([], []).
count_runs([W|Ws], [W-N|Rest]) :- take_same(W, Ws, 1, N, Tail), count_runs(Tail, Rest).
take_same(W, [X|Xs], N0, N, Tail) :- X == W, !, N1 is N0 + 1, take_same(W, Xs, N1, N, Tail).
take_same(_, Tail, N, N, Tail).

main :-
    text(T), words(T, Ws), length(Ws, Total), format("~d words~n", [Total]),
    msort(Ws, Sorted), count_runs(Sorted, Counts),
    forall(member(W-N, Counts), ( N > 1 -> format("~s: ~d~n", [W, N]) ; true )),
    transpose_pairs(Counts, ByCount), keysort(ByCount, Asc), reverse(Asc, [Top-TopW|_]),
    format("most frequent: ~w (~d)~n", [TopW, Top]),
    aggregate_all(max(L, W2), (member(W2, Ws), string_length(W2, L)), max(ML, MW)),
    format("longest: ~s (~d)~n", [MW, ML]),
    atomic_list_concat(Ws, '+', Joined), writeq(Joined), nl.

transpose_pairs(Ps, Ts) :- findall(N-W, member(W-N, Ps), Ts).
