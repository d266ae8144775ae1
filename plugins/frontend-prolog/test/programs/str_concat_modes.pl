% string_concat/3 in every mode, and how it compares with atom_concat/3.
show(X) :- writeq(X), nl.

main :-
    string_concat("abc", "def", S1), show(S1),
    string_concat(abc, 42, S2), show(S2),
    string_concat(X, "def", "abcdef"), show(X),
    string_concat("abc", Y, "abcdef"), show(Y),
    findall(A+B, string_concat(A, B, "abc"), L), show(L),
    findall(A2-B2, atom_concat(A2, B2, abc), L2), show(L2),
    atom_concat("ab", "cd", At), show(At),
    ( string_concat(a, b, ab) -> show(text_equal) ; show(text_differs) ),
    ( string_concat("x", "y", "xz") -> show(yes) ; show(no) ),
    catch(string_concat(_, _, _), error(E, _), (show(caught(E)))),
    length(Parts, 3), Parts = [P1, P2, P3],
    P1 = "one", P2 = "two", P3 = "three",
    foldl([P, Acc0, Acc]>>string_concat(Acc0, P, Acc), Parts, "", Joined), show(Joined),
    aggregate_all(count, string_concat(_, _, "hello"), Splits), show(Splits).
