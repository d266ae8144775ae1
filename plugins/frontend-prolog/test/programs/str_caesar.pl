% A Caesar cipher over strings: string_codes, maplist with lambdas, round trips.
shift_code(K, C0, C) :-
    (   C0 >= 0'a, C0 =< 0'z -> C is (C0 - 0'a + K) mod 26 + 0'a
    ;   C0 >= 0'A, C0 =< 0'Z -> C is (C0 - 0'A + K) mod 26 + 0'A
    ;   C = C0
    ).

caesar(K, Plain, Cipher) :-
    string_codes(Plain, Cs), maplist(shift_code(K), Cs, Ds), string_codes(Cipher, Ds).

main :-
    caesar(3, "Hello, World!", C), writeq(C), nl,
    caesar(-3, C, P), writeq(P), nl,
    ( P == "Hello, World!" -> writeln(round_trip) ; writeln(broken) ),
    forall(between(0, 3, K), ( caesar(K, "abcxyz", E), format("~d: ~s~n", [K, E]) )),
    findall(K-E, (member(K, [1, 13, 25]), caesar(K, "Prolog", E)), Ps), print(Ps), nl,
    caesar(13, "Uryyb", R), string_upper(R, U), writeq(U), nl,
    string_chars(C, Chars), include([Ch]>>char_type(Ch, alpha), Chars, Letters), length(Letters, NL), writeln(NL).
