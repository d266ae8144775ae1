% The double_quotes flag switches what "..." reads as for the clauses after it.
s1("abc").
:- set_prolog_flag(double_quotes, codes).
s2("abc").
:- set_prolog_flag(double_quotes, chars).
s3("abc").
:- set_prolog_flag(double_quotes, atom).
s4("abc").
:- set_prolog_flag(double_quotes, string).
s5("abc").
b(`abc`).

main :-
    forall(member(P, [s1, s2, s3, s4, s5, b]), ( call(P, X), writeq(P = X), nl )),
    current_prolog_flag(double_quotes, F), writeq(F), nl,
    set_prolog_flag(double_quotes, codes), term_to_atom(T, '"xy"'), writeq(T), nl,
    set_prolog_flag(double_quotes, atom), term_to_atom(T2, '"xy"'), writeq(T2), nl,
    set_prolog_flag(double_quotes, string), term_to_atom(T3, '"xy"'), writeq(T3), nl,
    catch(set_prolog_flag(double_quotes, bogus), error(E, _), (writeq(E), nl)),
    current_prolog_flag(argv, Argv), writeq(Argv), nl.
