% Strings as SWI-7 has them: "..." is a string object, distinct from atoms and code lists.
greeting("hello").
greeting("world").
kind(X, var) :- var(X), !.
kind(X, string) :- string(X), !.
kind(X, atom) :- atom(X), !.
kind(X, number) :- number(X), !.
kind(X, compound) :- compound(X).

main :-
    forall(greeting(G), (write(G), nl)),
    forall(greeting(G), (writeq(G), nl)),
    print(["a", b, 'c d', "e f"]), nl,
    forall(member(T, ["s", s, 1, 1.5, f(x), _, "", `abc`]), (kind(T, K), write(K), nl)),
    ( "abc" == "abc" -> writeln(same) ; writeln(different) ),
    ( "abc" == abc -> writeln(same) ; writeln(different) ),
    ( "abc" = "abd" -> writeln(unified) ; writeln(not_unified) ),
    X = "bound", ( X = "bound" -> writeln(yes) ; writeln(no) ),
    ( atomic("x") -> writeln(atomic) ; writeln(not_atomic) ),
    ( is_list("x") -> writeln(list) ; writeln(not_list) ),
    ( callable("x") -> writeln(callable) ; writeln(not_callable) ),
    atom_length("héllo", N), writeln(N),
    string_length('xyz', M), writeln(M),
    writeq(f("q\"uote", "back\\slash", "tab\there", "nl\nhere")), nl,
    write_canonical(g("s", 's t')), nl.
