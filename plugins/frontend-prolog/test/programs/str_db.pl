% Strings in the database: assert, retract, clause bodies, findall and copies.
:- dynamic note/2.

add(K, V) :- assertz(note(K, V)).

main :-
    add(1, "first"), add(2, "second"), add(3, 'third'), add(4, "fourth"),
    findall(V, note(_, V), Vs), print(Vs), nl,
    ( note(K, "second") -> writeln(K) ; writeln(none) ),
    retract(note(_, "first")),
    aggregate_all(count, note(_, _), N), writeln(N),
    forall(between(1, 50, I), ( number_string(I, S), assertz(note(I, S)) )),
    findall(I2, note(I2, "42"), Is), writeln(Is),
    aggregate_all(count, (note(_, X), string(X)), NS), writeln(NS),
    copy_term(f("shared", Y, Y), C), C = f(CS, CA, CB), print(CS), nl, ( CA == CB, CA \== Y -> writeln(renamed) ; true ),
    assertz((greet(Name) :- string_concat("hi ", Name, G), writeln(G))),
    greet("bob"), greet(alice),
    retractall(note(_, _)), ( note(_, _) -> writeln(left) ; writeln(empty) ),
    findall(S2-L, (member(S2, ["bb", "a", "ccc"]), string_length(S2, L)), Ps), keysort(Ps, KPs), print(KPs), nl.
