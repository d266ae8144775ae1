% Text tools over atoms and strings: anagram classes (msort of chars, keysort, grouping),
% palindromic substrings with sub_atom/5, vowels counted with char_type/2, a title-caser,
% run-length encoding of a string, and sub_string/5 searches.
anagram_key(W, K) :- atom_chars(W, Cs), msort(Cs, S), atom_chars(K, S).

group([], []).
group([K-W | Ps], [K-[W | Ws] | Gs]) :- same_key(K, Ps, Ws, Rest), group(Rest, Gs).
same_key(K, [K1-W | Ps], [W | Ws], Rest) :- K1 == K, !, same_key(K, Ps, Ws, Rest).
same_key(_, Ps, [], Ps).

palindrome(A) :- atom_chars(A, Cs), reverse(Cs, Cs).
longest_palindrome(A, P) :-
    aggregate_all(max(L, S), ( sub_atom(A, _, L, _, S), L > 1, palindrome(S) ), max(_, P)).

vowels(A, N) :- atom_chars(A, Cs), include([C]>>member(C, [a, e, i, o, u]), Cs, Vs), length(Vs, N).

title(S, T) :-
    split_string(S, " ", "", Ws),
    maplist([W, TW]>>( sub_string(W, 0, 1, _, F) -> string_upper(F, UF), sub_string(W, 1, _, 0, R), string_concat(UF, R, TW) ; TW = W ), Ws, TWs),
    atomic_list_concat(TWs, ' ', T).

rle(S, R) :- string_chars(S, Cs), rle_(Cs, Parts), atomic_list_concat(Parts, R).
rle_([], []).
rle_([C | Cs], [P | Ps]) :- run(C, Cs, 1, N, Rest), ( N > 1 -> format(atom(P), "~d~a", [N, C]) ; P = C ), rle_(Rest, Ps).
run(C, [C | Cs], N0, N, R) :- !, N1 is N0 + 1, run(C, Cs, N1, N, R).
run(_, R, N, N, R).

main :-
    Words = [listen, silent, enlist, google, inlets, banana, tinsel, elgoog, stone, tones, notes, onset, abc],
    maplist([W, K-W]>>anagram_key(W, K), Words, Keyed), keysort(Keyed, Sorted), group(Sorted, Groups),
    forall(( member(K-Ws, Groups), Ws = [_, _ | _] ), format("~w: ~w~n", [K, Ws])),
    forall(member(A, [racecar, abacdfgdcaba, bananas, xyz]), ( ( longest_palindrome(A, P) -> true ; P = none ), format("~w -> ~w~n", [A, P]) )),
    maplist(vowels, [onomatopoeia, rhythm, queueing], Vs), writeln(Vs),
    title("the quick  brown fox", T), writeq(T), nl,
    rle("aaabccddddde", R), writeln(R),
    findall(B, sub_string("abracadabra", B, _, _, "abra"), Bs), writeln(Bs),
    aggregate_all(count, sub_atom(mississippi, _, _, _, ss), NS), format("ss occurs ~d times~n", [NS]),
    atomic_list_concat(Parts, '-', 'a-b--c'), writeq(Parts), nl,
    upcase_atom('mixed Case 42', U), writeq(U), nl,
    string_code(1, "abc", C), char_code(Ch, C), writeq(Ch), nl.
