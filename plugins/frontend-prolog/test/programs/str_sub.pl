% sub_string/5 and sub_atom/5 over strings: extraction and enumeration.
main :-
    sub_string("hello world", 6, 5, _, W), writeq(W), nl,
    sub_string("hello world", B, _, 0, "world"), writeq(B), nl,
    findall(S, sub_string("abc", _, 2, _, S), L), writeq(L), nl,
    findall(B2-A2, sub_string("abcabc", B2, _, A2, "bc"), L2), writeq(L2), nl,
    aggregate_all(count, sub_string("abcd", _, _, _, _), N), writeq(N), nl,
    sub_atom(hello, 1, 3, _, Sa), writeq(Sa), nl,
    sub_atom("hello", 1, 3, _, Sb), writeq(Sb), nl,
    ( sub_atom(abc, _, _, _, "b") -> writeln(found_b) ; writeln(no_b) ),
    ( sub_string(abc, 1, 1, 1, b) -> writeln(found_b) ; writeln(no_b) ),
    sub_string(text, 0, 0, _, E), writeq(E), nl,
    catch(sub_string(_, _, _, _, _), error(Er, _), (writeq(Er), nl)),
    findall(X, (sub_string("a-b-c", Bf, 1, _, "-"), X = Bf), Ds), writeq(Ds), nl.
