:- set_prolog_flag(double_quotes, codes).
% Error handling: ISO error terms from builtins caught and classified, rethrow through
% nested catch/3, cleanup with a failure-driven handler, and user exceptions with data.
classify(error(E, _), Kind) :- !, functor(E, Kind, _).
classify(_, user).

try(G) :-
    catch(( G -> R = true ; R = false ), B, ( classify(B, K), R = caught(K) )),
    write(R), nl.

safe_div(X, Y, Z) :- catch(Z is X / Y, error(evaluation_error(zero_divisor), _), Z = infinity).

nested(Level) :-
    catch(inner(Level), inner_ball(N), ( write(outer_caught(N)), nl, N1 is N + 1, throw(outer_ball(N1)) )).
inner(L) :- L > 2, !, throw(inner_ball(L)).
inner(L) :- write(inner_ok(L)), nl.

with_cleanup(G) :-
    catch(G, E, ( classify(E, K), write(cleanup_after(K)), nl, fail )), !.
with_cleanup(_) :- write(cleanup_failed), nl.

validate(age(A)) :- ( integer(A) -> true ; throw(invalid(age, A)) ), ( A >= 0 -> true ; throw(invalid(age, A)) ).

main :-
    maplist(try, [ atom_length(X, _), atom_length(123, _), foo(1), X is foo + 1, arg(x, f(a), _),
        functor(_, _, _), atom_codes(_, _), number_codes(N, "3x"), sub_atom(abc, B, 2, A, S),
        succ(P, 0), msort(a, _), X =.. [], atom_length(abc, foo), throw(my_ball), 1 =:= 1.0 ]),
    ( var(X), var(N), var(B), var(A), var(S), var(P) -> write(unbound) ; write(bound) ), nl,
    safe_div(1, 0, Z1), safe_div(7, 2, Z2), write(Z1/Z2), nl,
    ( catch(nested(1), outer_ball(M), true), var(M) -> write(no_ball) ; write(ball) ), nl,
    catch(nested(5), outer_ball(M2), true), write(m(M2)), nl,
    with_cleanup(atom_length(f(x), _)), with_cleanup(true),
    forall(member(T, [age(3), age(-1), age(x)]),
           catch(( validate(T), write(valid(T)), nl ), invalid(F, V), ( write(invalid(F, V)), nl ))).
