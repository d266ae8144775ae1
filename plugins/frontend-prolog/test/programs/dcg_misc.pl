% DCG features: pushback, call//N, \+, {} with cut, alternatives with |, strings as
% terminals, phrase/2,3 on control constructs, and a generating grammar.
greeting --> [hello], name.
greeting --> [hi], name.
name --> [world].
name --> [prolog].

digits([D|T]) --> digit(D), digits(T).
digits([D]) --> digit(D).
digit(D) --> [D], { code_type(D, digit) }.

ab --> "a", !, ab.
ab --> "b" | "c".

look(X), [X] --> [X].
not_x --> \+ [x], [_].
twice(G) --> call(G), call(G).
item(X) --> [X].

anbn --> [].
anbn --> [a], anbn, [b].

main :-
    findall(L, phrase(greeting, L), Ls), writeln(Ls),
    ( phrase(digits(Ds), `123`, Rest) -> atom_codes(A, Ds), writeln(A-Rest) ; true ),
    findall(R, phrase(digits(_), `42x`, R), Rs), writeln(Rs),
    ( phrase(ab, `aaab`) -> writeln(ab_yes) ; writeln(ab_no) ),
    ( phrase(ab, `aac`) -> writeln(ac_yes) ; writeln(ac_no) ),
    ( phrase(ab, `ad`) -> writeln(ad_yes) ; writeln(ad_no) ),
    phrase(look(X), [q, r], R2), writeln(X-R2),
    ( phrase(not_x, [y]) -> writeln(not_x_y) ; writeln(no) ),
    ( phrase(not_x, [x]) -> writeln(yes) ; writeln(not_x_x_fails) ),
    phrase(twice(item(Z)), [k, k]), writeln(Z),
    phrase(([a], [b] ; [c]), [c]), writeln(control_ok),
    phrase(({Y = 1}, "xy"), `xy`, []), writeln(Y),
    findall(N-S, (between(0, 3, N), length(S, _), phrase(anbn, S), length(S, Len), Len =:= 2 * N, !), Ss),
    writeln(Ss),
    forall(member(W, [[a,b], [a,a,b,b], [a,b,b], []]), ( phrase(anbn, W) -> format("~w yes~n", [W]) ; format("~w no~n", [W]) )),
    catch(phrase(_, []), error(E, _), writeln(caught(E))).
