% Word frequencies of a text: split_string/4, string_lower/2, msort/2, a run-length count
% and keysort/2 on negated counts for the top words, printed with format/2.
text("The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs, \c
      and the quick cat watches the fox and the dog.").

words(Text, Words) :-
    string_lower(Text, Lower),
    split_string(Lower, " ", ".,;!?", Parts),
    exclude(==(""), Parts, Words).

counts([], []).
counts([W | Ws], [W-N | Rest]) :- take(W, Ws, 1, N, Ws1), counts(Ws1, Rest).
take(W, [W | Ws], N0, N, Rest) :- !, N1 is N0 + 1, take(W, Ws, N1, N, Rest).
take(_, Ws, N, N, Ws).

main :-
    text(T), words(T, Ws), length(Ws, NW),
    format("~d words~n", [NW]),
    msort(Ws, Sorted), counts(Sorted, Counts),
    length(Counts, ND), format("~d distinct~n", [ND]),
    findall(NegN-W, (member(W-N, Counts), NegN is -N), Keyed),
    keysort(Keyed, ByCount),
    forall(( nth1(I, ByCount, NegN-W), I =< 5 ),
           ( N is -NegN, string_length(W, Len), format("~w~t~10|~d~t~4+ (length ~d)~n", [W, N, Len]) )),
    include([_-1]>>true, Counts, Once), pairs_keys(Once, OnceWords),
    atomic_list_concat(OnceWords, ', ', Joined), format("once: ~w~n", [Joined]),
    aggregate_all(max(L, W2), (member(W2, Ws), string_length(W2, L)), max(ML, MW)),
    format("longest: ~s (~d)~n", [MW, ML]).
