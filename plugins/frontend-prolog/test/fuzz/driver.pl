% The builtin fuzzer's driver: runs each fz_goal(I, G) (G ground, with fz_var/1,
% fz_deep/1 and fz_list/1 standing for what is built here), takes up to three of its
% solutions inside catch/3, and reports every ball that is not an ISO error term.
% Reports are lines starting with @@FUZZ; the builtins' own output goes around them.
fz_main :-
    forall(fz_goal(I, G0), fz_one(I, G0)),
    nl, write('@@FUZZ done'), nl.

fz_one(I, G0) :-
    nl, write('@@FUZZ run '), write(I), nl, flush_output,
    fz_build(G0, G, [_, _, _]),
    nb_setval(fz_n, 0),
    catch(fz_call(G), E, fz_check(I, G0, E)),
    !.
fz_one(_, _).

fz_call(G) :- call(G), nb_getval(fz_n, K), K1 is K + 1, nb_setval(fz_n, K1), K1 >= 3, !.
fz_call(_).

fz_check(_, throw(_), _) :- !.
fz_check(_, _, E) :- fz_iso(E), !.
fz_check(I, _, E) :- nl, write('@@FUZZ bad '), write(I), write(' '), writeq(E), nl.

fz_iso(E) :- var(E), !, fail.
fz_iso(fz_ball).
fz_iso(error(F, _)) :- nonvar(F), fz_formal(F).

fz_formal(instantiation_error).
fz_formal(uninstantiation_error(_)).
% SWI's own type [] (`X is [1,2]`: type_error([], [1,2])) is no atom in SWI-7.
fz_formal(type_error(T, _)) :- ( atom(T) ; T == [] ).
fz_formal(domain_error(D, _)) :- nonvar(D).
fz_formal(existence_error(K, _)) :- atom(K).
fz_formal(permission_error(A, T, _)) :- atom(A), atom(T).
fz_formal(representation_error(R)) :- atom(R).
fz_formal(evaluation_error(E)) :- memberchk(E, [undefined, zero_divisor, float_overflow, int_overflow, underflow]).
fz_formal(resource_error(R)) :- atom(R).
fz_formal(syntax_error(_)).
% SWI-Prolog's own: format/2's argument count errors.
fz_formal(format(Message)) :- atom(Message).

fz_build(T, V, Vs) :- var(T), !, V = T, Vs = Vs.
fz_build(fz_var(K), V, Vs) :- !, nth0(K, Vs, V).
fz_build(fz_deep(N), V, _) :- !, fz_deep(N, a, V).
fz_build(fz_list(N), V, _) :- !, ( N =:= 0 -> V = [] ; numlist(1, N, V) ).
fz_build(T, T, _) :- atomic(T), !.
fz_build(T, V, Vs) :- T =.. [F|As], fz_build_list(As, Bs, Vs), V =.. [F|Bs].

fz_build_list([], [], _).
fz_build_list([A|As], [B|Bs], Vs) :- fz_build(A, B, Vs), fz_build_list(As, Bs, Vs).

fz_deep(0, T, T) :- !.
fz_deep(N, T0, T) :- N1 is N - 1, fz_deep(N1, f(T0), T).
