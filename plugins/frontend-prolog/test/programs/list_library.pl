% A word-statistics toy over the list library: append/2, sort/4, predsort/3,
% msort, keysort, pairs, foldl/4-6, maplist/2-5, sub_atom/5 enumeration,
% number_chars, atom_number, succ/plus, length modes, call/N and yall lambdas.
words([the, quick, brown, fox, jumps, over, the, lazy, dog, and, the, quick, cat]).

by_length(O, A, B) :-
    atom_length(A, LA), atom_length(B, LB),
    compare(O0, LA-A, LB-B), O = O0.

count_words(Ws, Counts) :-
    msort(Ws, Sorted), clumped_pairs(Sorted, Counts).
clumped_pairs([], []).
clumped_pairs([W|Ws], [W-N|Rest]) :- take_same(W, Ws, 1, N, Left), clumped_pairs(Left, Rest).
take_same(W, [W|Ws], N0, N, Left) :- !, N1 is N0 + 1, take_same(W, Ws, N1, N, Left).
take_same(_, Left, N, N, Left).

add_len(W, A0, A) :- atom_length(W, L), A is A0 + L.
weighted(X, Y, A0, A) :- A is A0 + X * Y.

main :-
    words(Ws),
    count_words(Ws, Counts), format("counts ~w~n", [Counts]),
    transpose_pairs(Counts, ByCount), format("by count ~w~n", [ByCount]),
    sort(2, @>=, Counts, Desc), format("desc ~w~n", [Desc]),
    sort(0, @>=, Ws, Rev), format("rev ~w~n", [Rev]),
    predsort(by_length, Ws, ByLen), format("by length ~w~n", [ByLen]),
    pairs_keys_values(Counts, Ks, Vs), format("~w / ~w~n", [Ks, Vs]),
    pairs_keys(Counts, Ks2), pairs_values(Counts, Vs2), (Ks2 == Ks, Vs2 == Vs -> format("pairs agree~n") ; true),
    foldl(add_len, Ws, 0, Total), format("letters ~d~n", [Total]),
    foldl(weighted, [1, 2, 3], [4, 5, 6], 0, Dot), format("dot ~d~n", [Dot]),
    maplist([W, L]>>atom_length(W, L), Ws, Lens), sum_list(Lens, Total2), max_list(Lens, Mx), min_list(Lens, Mn),
    format("~d ~d ~d~n", [Total2, Mx, Mn]),
    maplist([X, Y, Z]>>(Z is X + Y), [1, 2, 3], [10, 20, 30], Sums), format("sums ~w~n", [Sums]),
    maplist([A, B, C, D]>>(D is A * B - C), [1, 2], [3, 4], [1, 1], Ds), format("ds ~w~n", [Ds]),
    append([[a, b], [], [c], [d, e]], Flat), format("append/2 ~w~n", [Flat]),
    flatten([1, [2, [3, [], 4]], [[5]]], F2), format("flatten ~w~n", [F2]),
    list_to_set([a, b, a, c, b], Set), format("set ~w~n", [Set]),
    subtract([1, 2, 3, 4], [2, 4], Sub), intersection([1, 2, 3], [3, 1, 5], Int), union([1, 2], [2, 3], Un),
    format("~w ~w ~w~n", [Sub, Int, Un]),
    delete([a, b, a, c], a, Del), exclude([X]>>(X > 2), [1, 2, 3, 4], Ex), include([X]>>(X > 2), [1, 2, 3, 4], In),
    partition([X]>>(X mod 2 =:= 0), [1, 2, 3, 4, 5, 6], Even, Odd), format("~w ~w ~w ~w ~w~n", [Del, Ex, In, Even, Odd]),
    max_member(MaxM, [b, f(a), 3, z]), min_member(MinM, [b, f(a), 3, z]), format("members ~w ~w~n", [MaxM, MinM]),
    last([1, 2, 3], La), nth0(1, [a, b, c], N0), nth1(1, [a, b, c], N1), format("~w ~w ~w~n", [La, N0, N1]),
    findall(I-E, nth1(I, [x, y], E), NthAll), format("nth1 enumerates ~w~n", [NthAll]),
    ( nextto(P, Q, [1, 2, 3]), format("nextto ~w ~w~n", [P, Q]), fail ; true ),
    ( selectchk(b, [a, b, c, b], R1) -> format("selectchk ~w~n", [R1]) ; true ),
    select(b, [a, b, c], z, R2), format("select/4 ~w~n", [R2]),
    findall(Pm, permutation([1, 2, 3], Pm), Pms), length(Pms, NP), format("~d permutations~n", [NP]),
    numlist(1, 5, NL), sumlist(NL, SNL), format("numlist ~w ~d~n", [NL, SNL]),
    findall(B-L-A, sub_atom(abc, B, L, A, _), Subs), length(Subs, NSubs), format("~d substrings~n", [NSubs]),
    findall(Bf, sub_atom(abcabc, Bf, _, _, bc), Where), format("bc at ~w~n", [Where]),
    sub_atom(hello_world, Bw, _, 0, world), format("world at ~w~n", [Bw]),
    sub_atom(hello, 1, 3, After, S3), format("~w ~w~n", [S3, After]),
    number_chars(Nc, ['4', '2']), number_codes(Nd, "17"), atom_number('3.5', An), atom_number(An2, 12),
    format("~w ~w ~w ~q~n", [Nc, Nd, An, An2]),
    succ(S1, 5), succ(5, S2), plus(2, Pl, 7), format("~w ~w ~w~n", [S1, S2, Pl]),
    length(LL, 2), LL = [p, q], format("fresh list of ~w~n", [LL]),
    findall(Len, (between(1, 3, _), length(_, Len), Len >= 2, !), Ls1), format("~w~n", [Ls1]),
    findall(K-Len2, (member(K, [[], [a], [a, b]]), length(K, Len2)), KLs), format("~w~n", [KLs]),
    catch(length(_, -1), error(Err1, _), (format("~q~n", [Err1]))),
    catch(length([a|b], _), error(Err2, _), (format("~q~n", [Err2]))),
    catch(atom_length(_, _), error(Err3, _), (format("~q~n", [Err3]))),
    upcase_atom('Mixed Case 1', Up), downcase_atom('Mixed Case 1', Down), format("~w ~w~n", [Up, Down]),
    atomic_list_concat([a, 1, b], '-', Joined), atomic_list_concat(Parts, ',', 'x,y,,z'), format("~w ~q~n", [Joined, Parts]),
    term_variables(f(X1, g(Y1, X1), _), Vars), length(Vars, NV), format("~d vars~n", [NV]),
    ( f(X1, Y1) =@= f(_, _) -> format("variant~n") ; true ),
    ( f(X1, X1) =@= f(_, _) -> true ; format("not a variant~n") ),
    G = format("call/~w: ~w ~w ~w ~w ~w ~w ~w~n"), call(G, [9, a, b, c, d, e, f, g]),
    keysort([b-1, a-2, b-0, a-1], KS), format("keysort ~w~n", [KS]).

transpose_pairs(Pairs, Sorted) :-
    findall(N-W, member(W-N, Pairs), Flipped), keysort(Flipped, Sorted).
