% Strings in the standard order of terms: between numbers and atoms, as swipl 9 orders them.
main :-
    msort([f(x), "s", a, 1, 2.0, "a", b, "ab", [], "", Z], L0),
    L0 = [V|L], ( var(V), V == Z -> writeln(var_first) ; true ),
    print(L), nl,
    sort(["pear", "apple", "fig", "apple"], S), print(S), nl,
    compare(O1, "abc", abc), writeln(O1),
    compare(O2, "abc", "abd"), writeln(O2),
    compare(O3, "b", "abc"), writeln(O3),
    compare(O4, 99, "a"), writeln(O4),
    compare(O5, "z", f(a)), writeln(O5),
    ( "abc" @< "abcd" -> writeln(prefix_first) ; true ),
    predsort([Ord, A, B]>>(string_length(A, LA), string_length(B, LB), compare(Ord, LA-A, LB-B)),
             ["ccc", "a", "bb", "dd"], P), print(P), nl,
    keysort(["b"-1, "a"-2, b-3, "a"-4], K), print(K), nl,
    sort(0, @>=, ["x", "y", "x"], D), print(D), nl.
