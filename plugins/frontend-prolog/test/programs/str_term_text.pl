% term_to_atom/2, term_string/2, atom_to_term/3: writing terms to text and reading them back.
main :-
    term_to_atom(f(a, 'B c', "str", [1, 2.5]), A), writeq(A), nl,
    term_to_atom(T, 'foo(X, bar(Y), X)'), T = foo(P, bar(Q), R), ( P == R -> writeln(shared) ; writeln(distinct) ),
    ( var(Q) -> writeln(fresh) ; true ),
    term_string(1 + 2 * 3, S), writeq(S), nl,
    term_string(T2, "g(\"in string\", 'quoted atom', 0'a)"), writeq(T2), nl,
    atom_to_term('p(X, Y, X, _)', T3, Bindings), length(Bindings, NB), writeln(NB),
    Bindings = [N1 = V1 | _], writeq(N1), nl, ( T3 = p(V, _, _, _), V == V1 -> writeln(bound_ok) ; true ),
    term_to_atom(Op, 'a :- b, c ; d'), writeq(Op), nl,
    term_to_atom(L, '[1, 2 | T]'), L = [_, _ | Tail], ( var(Tail) -> writeln(open_list) ; true ),
    catch(term_to_atom(_, 'foo('), error(syntax_error(E), _), (writeq(syntax(E)), nl)),
    catch(term_to_atom(_, 'a b'), error(syntax_error(E2), _), (writeq(syntax(E2)), nl)),
    term_to_atom(Z, ''), writeq(Z), nl,
    term_to_atom(- (1), M), writeq(M), nl,
    term_to_atom(1 - -1, M2), writeq(M2), nl,
    term_string(E3, "f(a;b, c:-d)"), write_canonical(E3), nl.
