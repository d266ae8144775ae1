% split_string/4: separators, padding, and both together.
show(X) :- print(X), nl.

csv_fields(Line, Fields) :- split_string(Line, ",", " ", Fields).

main :-
    split_string("a,b,,c", ",", "", L1), show(L1),
    split_string("  padded  ", "", " ", L2), show(L2),
    split_string("/home//jan///nice/path", "/", "", L3), show(L3),
    split_string("//a//b//", "/", "/", L4), show(L4),
    split_string("SWI-Prolog, 7.0", ",", " ", L5), show(L5),
    split_string("", "", "", L6), show(L6),
    split_string("a b  c", " ", "", L7), show(L7),
    split_string("one\ntwo\nthree", "\n", "", L8), show(L8),
    forall(member(Line, ["name, age", "ann, 31", " bob ,  42 "]),
           ( csv_fields(Line, F), show(F) )),
    split_string("k1=v1;k2=v2", ";", "", Pairs),
    forall(member(P, Pairs),
           ( split_string(P, "=", "", [K, V]), atom_string(KA, K), format("~w -> ~s~n", [KA, V]) )),
    split_string(abc, "", "", L9), show(L9).
