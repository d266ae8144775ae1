% The library part of the builtins, compiled with every program. Bodies use the
% inline builtins, so these clauses are what call/N finds for them.
A = B :- A = B.
A \= B :- \+ A = B.
A is B :- A is B.
A =:= B :- A =:= B.
A =\= B :- A =\= B.
A < B :- A < B.
A > B :- A > B.
A =< B :- A =< B.
A >= B :- A >= B.
var(X) :- var(X).
nonvar(X) :- nonvar(X).
atom(X) :- atom(X).
number(X) :- number(X).
integer(X) :- integer(X).
float(X) :- float(X).
atomic(X) :- atomic(X).
compound(X) :- compound(X).
callable(X) :- callable(X).
true.
fail :- fail.
false :- fail.
otherwise.
once(G) :- call(G), !.
ignore(G) :- (call(G) -> true ; true).
forall(C, A) :- \+ (call(C), \+ call(A)).
between(L, H, X) :- '$bound_type'(L), '$bound_type'(H), '$between'(L, H, X).
'$between'(L, H, X) :- integer(X), !, X >= L, '$le_inf'(X, H).
'$between'(L, H, L) :- '$le_inf'(L, H).
'$between'(L, H, X) :- '$lt_inf'(L, H), L1 is L+1, '$between'(L1, H, X).
'$bound_type'(X) :- integer(X), !.
'$bound_type'(X) :- var(X), !, throw(error(instantiation_error, _)).
'$bound_type'(inf) :- !.
'$bound_type'(infinite) :- !.
'$bound_type'(X) :- throw(error(type_error(integer, X), _)).
arg(N, T, A) :- var(N), compound(T), !, functor(T, _, Ar), '$between'(1, Ar, N), '$arg'(N, T, A).
arg(N, T, A) :- '$arg'(N, T, A).
'$le_inf'(_, H) :- H == inf, !.
'$le_inf'(_, H) :- H == infinite, !.
'$le_inf'(X, H) :- X =< H.
'$lt_inf'(_, H) :- H == inf, !.
'$lt_inf'(_, H) :- H == infinite, !.
'$lt_inf'(X, H) :- X < H.
member(X, [X|_]).
member(X, [_|T]) :- member(X, T).
memberchk(X, L) :- member(X, L), !.
append([], L, L).
append([H|T], L, [H|R]) :- append(T, L, R).
length(L, N) :- is_list(L), !, '$len'(L, 0, N).
length(L, N) :- integer(N), !, N >= 0, '$mklist'(N, L).
length(L, N) :- var(N), '$lengen'(L, 0, N).
'$len'([], N, N).
'$len'([_|T], N0, N) :- N1 is N0+1, '$len'(T, N1, N).
'$mklist'(0, L) :- !, L = [].
'$mklist'(N, [_|T]) :- N1 is N-1, '$mklist'(N1, T).
'$lengen'([], N, N).
'$lengen'([_|T], N0, N) :- N1 is N0+1, '$lengen'(T, N1, N).
reverse(L, R) :- '$rev'(L, [], R).
'$rev'([], A, A).
'$rev'([H|T], A, R) :- '$rev'(T, [H|A], R).
nth0(I, L, E) :- '$nth'(L, 0, I, E).
nth1(I, L, E) :- '$nth'(L, 1, I, E).
'$nth'(L, B, I, E) :- integer(I), !, Skip is I - B, Skip >= 0, '$nth_fixed'(Skip, L, E).
'$nth'([H|T], B, I, E) :- '$nth_var'(T, H, B, I, E).
'$nth_fixed'(0, [E|_], E) :- !.
'$nth_fixed'(N, [_|T], E) :- N1 is N-1, '$nth_fixed'(N1, T, E).
'$nth_var'(_, H, B, B, H).
'$nth_var'([H|T], _, B, I, E) :- B1 is B+1, '$nth_var'(T, H, B1, I, E).
last([X], X) :- !.
last([_|T], X) :- last(T, X).
sum_list(L, S) :- '$sum'(L, 0, S).
sumlist(L, S) :- '$sum'(L, 0, S).
'$sum'([], S, S).
'$sum'([X|Xs], A, S) :- A1 is A+X, '$sum'(Xs, A1, S).
max_list([H|T], M) :- '$maxl'(T, H, M).
'$maxl'([], M, M).
'$maxl'([H|T], A, M) :- (H > A -> A1 = H ; A1 = A), '$maxl'(T, A1, M).
min_list([H|T], M) :- '$minl'(T, H, M).
'$minl'([], M, M).
'$minl'([H|T], A, M) :- (H < A -> A1 = H ; A1 = A), '$minl'(T, A1, M).
numlist(L, H, []) :- L > H, !.
numlist(L, H, [L|T]) :- L1 is L+1, numlist(L1, H, T).
exclude(_, [], []).
exclude(P, [H|T], R) :- ( call(P, H) -> R = R1 ; R = [H|R1] ), exclude(P, T, R1).
include(_, [], []).
include(P, [H|T], R) :- ( call(P, H) -> R = [H|R1] ; R = R1 ), include(P, T, R1).
maplist(_, []).
maplist(G, [X|Xs]) :- call(G, X), maplist(G, Xs).
maplist(_, [], []).
maplist(G, [X|Xs], [Y|Ys]) :- call(G, X, Y), maplist(G, Xs, Ys).
maplist(_, [], [], []).
maplist(G, [X|Xs], [Y|Ys], [Z|Zs]) :- call(G, X, Y, Z), maplist(G, Xs, Ys, Zs).
foldl(G, L, A0, A) :- '$foldl'(L, G, A0, A).
'$foldl'([], _, A, A).
'$foldl'([X|Xs], G, A0, A) :- call(G, X, A0, A1), '$foldl'(Xs, G, A1, A).
select(X, [X|T], T).
select(X, [H|T], [H|R]) :- select(X, T, R).
exclude_one_(_, _, _) :- fail.
permutation([], []).
permutation(L, [H|T]) :- select(H, L, R), permutation(R, T).
delete([], _, []).
delete([H|T], X, R) :- ( H \= X -> R = [H|R1] ; R = R1 ), delete(T, X, R1).
subtract([], _, []).
subtract([H|T], L, R) :- ( memberchk(H, L) -> R = R1 ; R = [H|R1] ), subtract(T, L, R1).
retract(C) :- '$clause_split'(C, H, B), '$clause'(H, B, R), '$erase'(R).
clause(H, B) :- '$clause'(H, B, _).
retractall(H) :- '$clause'(H, _, R), '$erase'(R), fail.
retractall(H) :- '$ensure_dynamic'(H).
'$clause_split'(C, H, B) :- nonvar(C), C = (H :- B), !.
'$clause_split'(H, H, true).
atomic_list_concat(L, A) :- '$alc'(L, '', A).
'$alc'([], A, A).
'$alc'([X|Xs], A0, A) :- atom_concat(A0, X, A1), '$alc'(Xs, A1, A).
phrase(G, L) :- phrase(G, L, []).
phrase(G, L, R) :- call(G, L, R).
format(F) :- format(F, []).
format(S, F, A) :- nonvar(S), S = atom(_), !, with_output_to(S, format(F, A)).
format(S, F, A) :- nonvar(S), S = string(_), !, with_output_to(S, format(F, A)).
format(S, F, A) :- nonvar(S), S = codes(_), !, with_output_to(S, format(F, A)).
format(S, F, A) :- nonvar(S), S = codes(_, _), !, with_output_to(S, format(F, A)).
format(S, F, A) :- nonvar(S), S = chars(_), !, with_output_to(S, format(F, A)).
format(S, F, A) :- nonvar(S), S = chars(_, _), !, with_output_to(S, format(F, A)).
format(S, F, A) :- '$format'(S, F, A).
with_output_to(Sink, G) :-
    '$capture_start'(Sink),
    (   catch(G, E, ('$capture_end'(_), throw(E)))
    ->  '$capture_end'(Sink)
    ;   '$capture_end'(_), fail
    ).
