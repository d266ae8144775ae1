% Reads standard input as SWI-Prolog does: terms with read/1 and read_term/2 (a syntax
% error caught, the reading going on after it), characters, and the program's arguments.
% Variables are never printed (their numbering differs); their names and sharing are.
main :-
    current_prolog_flag(argv, Argv), writeq(argv(Argv)), nl,
    read_term(T, [variable_names(Vs), singletons(Ss)]),
    T = point(A, B, C, D), ( A \== B, var(C), var(D) -> writeln(four_fresh) ; true ),
    names(Vs, Ns), writeq(Ns), nl, names(Ss, NSs), writeq(NSs), nl,
    ( member('X' = X, Vs), X == A -> writeln(x_is_first) ; true ),
    get_char(Nl), writeq(Nl), nl,
    peek_char(P), get_char(G), writeq(P/G), nl,
    get_code(Code), writeq(Code), nl,
    read_all.

names(Bindings, Names) :- findall(N, member(N = _, Bindings), Names).

read_all :-
    catch(read(X), error(E, _), (writeq(caught(E)), nl, X = skipped)),
    (   X == end_of_file
    ->  writeln(done), get_char(Last), writeq(Last), nl
    ;   describe(X), read_all
    ).

describe(X) :- var(X), !, writeln(variable).
describe(X) :- string(X), !, writeq(string(X)), nl.
describe([H|T]) :- !, writeq(list_head(H)), nl, ( var(T) -> writeln(open_tail) ; true ).
describe(X) :- writeq(term(X)), nl.
