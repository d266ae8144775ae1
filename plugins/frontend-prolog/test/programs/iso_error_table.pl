% The ISO error table: each goal with the error term it raises (the formal part;
% the context is implementation-specific), or `succeeded`/`failed`.
:- set_prolog_flag(double_quotes, codes).
:- dynamic counter/1.
counter(0).

row(call(_)).                   row(call(1)).               row(undefined_pred(a)).     row(atom_length(_, _)).
row(atom_length(f(x), _)).      row(atom_length(abc, a)).   row(atom_codes(_, _)).
row(atom_chars(_, [a|_])).      row(char_code(_, _)).       row(char_code(ab, _)).
row(char_code(_, -2)).          row(char_code(_, a)).       row(atom_concat(_, b, _)).
row(number_codes(_, "3x")).     row(number_chars(_, [a|_])). row(number_chars(_, ['1', x])).
row(number_codes(a, _)).        row(functor(_, _, _)).      row(functor(_, foo, -1)).
row(functor(_, foo(a), 1)).     row(functor(_, foo, a)).    row(arg(_, foo(a), _)).
row(arg(1, _, _)).              row(arg(a, foo(a), _)).     row(arg(1, atom, _)).
row(arg(-3, foo(a, b), _)).     row(_ =.. _).               row(_ =.. [foo|bar]).
row(_ =.. [f(a), b]).           row(_ =.. []).              row(copy_term(_, _)).
row(_ is _ + 1).                row(_ is foo + 1).          row(_ is 1 / 0).
row(_ is 1 // 0).               row(_ is 1 mod 0).          row(_ is 1.0 / 0).
row(_ is a).                    row(1 < _).                 row(1 =:= foo).
row(_ is 1 << a).               row(_ is 5 mod 2.0).
row(length(_, -1)).             row(length(_, a)).          row(length([a|b], _)).
row(sort(a, _)).                row(msort([a|_], _)).       row(keysort([a-1, x], _)).
row(keysort(_, _)).             row(sort(1, foo, [], _)).
row(succ(_, _)).                row(succ(a, _)).            row(succ(_, -1)).
row(succ(_, 0)).                row(plus(1, _, _)).         row(abolish(foo/a)).
row(abolish(_)).                row(abolish(foo)).          row(abolish(foo/(-1))).
row(abolish(1/2)).              row(assertz(_)).
row(assertz(1)).                row(assertz((foo :- 1))).   row(assertz((foo :- (a ; 3)))).
row(atom_to_term_missing).      row(throw(_)).              row(catch(throw(ball), other, true)).
row(findall(_, _, _)).          row(findall(_, 3, _)).      row(bagof(_, _, _)).
row(setof(_, 4, _)).            row(bagof(X, member(X, []), _)). row(aggregate_all(count, _, _)).
row(sub_atom(_, _, _, _, _)).   row(sub_atom(abc, a, _, _, _)). row(atom_number(_, _)).
row(atom_number(_, a)).         row(upcase_atom(_, _)).     row(nb_getval(no_such_key, _)).
row(format("~d", [a])).         row(format("~a", [f(x)])).  row(format("~w")).
row(format("~w", [a, b])).      row(format("~e", [a])).     row(format(_, [])).
row(with_output_to(_, true)).   row(with_output_to(foo, true)). row(tab(a)).
row(put_char(1)).               row(op(1201, xfx, foo)).    row(atomic_list_concat(_, -, _)).

run(G) :-
    retract(counter(N0)), N is N0 + 1, assertz(counter(N)),
    catch(( call(G) -> R = succeeded ; R = failed ), B, true),
    (   nonvar(B), B = error(E, _) -> R = E ; nonvar(B) -> R = ball(B) ; true ),
    format("~t~d~3| ~q~n", [N, R]).

main :- forall(row(G), run(G)).
