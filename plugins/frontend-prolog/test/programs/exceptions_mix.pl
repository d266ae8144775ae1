% Exceptions through the layers: a small calculator with its own error terms, ISO errors
% from builtins caught by pattern, setup_call_cleanup, rethrowing with context, catch/3 with
% backtracking into the goal, and an error inside findall/3.
calc(N, N) :- number(N), !.
calc(X, _) :- var(X), !, throw(calc_error(unbound)).
calc(A + B, V) :- !, calc(A, VA), calc(B, VB), V is VA + VB.
calc(A - B, V) :- !, calc(A, VA), calc(B, VB), V is VA - VB.
calc(A * B, V) :- !, calc(A, VA), calc(B, VB), V is VA * VB.
calc(A / B, V) :- !, calc(A, VA), calc(B, VB), ( VB =:= 0 -> throw(calc_error(division_by_zero(A / B))) ; V is VA / VB ).
calc(sqrt(A), V) :- !, calc(A, VA), ( VA < 0 -> throw(calc_error(negative_sqrt(VA))) ; V is sqrt(VA) ).
calc(E, _) :- throw(calc_error(unknown(E))).

try(E) :-
    catch(( calc(E, V), format("~w = ~w~n", [E, V]) ),
          calc_error(Why), ( ground(E) -> format("~w: error ~w~n", [E, Why]) ; format("error ~w~n", [Why]) )).

iso(G) :-
    catch(( G -> R = yes ; R = no ), error(Err, _), R = Err),
    copy_term(G, G1), numbervars(G1, 0, _), format("~p~t~32|~q~n", [G1, R]).

layer(G) :- catch(G, error(E, _), throw(wrapped(E, G))).

main :-
    maplist(try, [1 + 2 * 3, 10 / (5 - 5), sqrt(16) + sqrt(2 - 11), foo(1), 7 / 2, _ + 1]),
    maplist(iso, [atom_length(X, _), atom_length(123, L), X2 is foo + 1, arg(x, f(a), _),
                  functor(_, _, _), atom_codes(_, _), number_codes(N, "3x"), sub_atom(abc, B, 1, A, S),
                  X3 is 1 / 0, X4 is 2.0 / 0, msort(a, _), succ(P, 0), atom_to_term('foo(', T, Bs)]),
    catch(layer(atom_length(f(x), _)), wrapped(E, G), ( arg(1, G, A1), format("wrapped ~q from ~q~n", [E, A1]) )),
    setup_call_cleanup(writeln(setup), catch(throw(inner), inner, writeln(handled)), writeln(cleanup)),
    catch(setup_call_cleanup(true, throw(oops), writeln(cleanup_on_throw)), oops, writeln(caught_oops)),
    findall(X5, catch(member(X5, [1, 2, 3]), _, true), L5), writeln(L5),
    catch(findall(Y, (member(Y, [1, 2, boom]), ( Y == boom -> throw(found(Y)) ; true )), _), found(Z), format("found ~w~n", [Z])),
    catch((member(M, [a, b, c]), M == b, throw(got(M))), got(W), format("got ~w~n", [W])),
    catch(catch(throw(first), second, writeln(wrong)), first, writeln(outer_caught_first)),
    ignore((L = 1, X = 1, X2 = 1, N = 1, B = 1, A = 1, S = 1, X3 = 1, X4 = 1, P = 1, T = 1, Bs = 1)).
