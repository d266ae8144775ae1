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
string(X) :- string(X).
true.
fail :- fail.
false :- fail.
otherwise.
once(G) :- call(G), !.
'|'(A, B) :- call((A ; B)).
ground(T) :- term_variables(T, []).
numbervars(T, S, E) :- integer(S), !, term_variables(T, Vs), '$numbervars'(Vs, S, E).
numbervars(_, S, _) :- var(S), !, throw(error(instantiation_error, context(numbervars/3, _))).
numbervars(_, S, _) :- throw(error(type_error(integer, S), context(numbervars/3, _))).
'$numbervars'([], E, E).
'$numbervars'(['$VAR'(N)|Vs], N, E) :- N1 is N+1, '$numbervars'(Vs, N1, E).
ignore(G) :- (call(G) -> true ; true).
setup_call_cleanup(S, G, C) :- once(S), '$call_cleanup'(G, C).
'$call_cleanup'(G, C) :- catch(G, E, true), !, '$cleanup'(C), ( var(E) -> true ; throw(E) ).
'$call_cleanup'(_, C) :- '$cleanup'(C), fail.
call_cleanup(G, C) :- setup_call_cleanup(true, G, C).
'$cleanup'(C) :- catch(C, _, true), !.
'$cleanup'(_).
forall(C, A) :- \+ (call(C), \+ call(A)).
between(L, H, X) :- '$bound_type'(L), '$bound_type'(H), '$int_or_var'(X, between/3), '$between'(L, H, X).
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
length(L, N) :- is_list(L), !, '$len'(L, 0, N0), '$len_result'(N, N0).
length(L, N) :- integer(N), N >= 0, !, '$list_tail'(L, T), '$len_fixed'(T, L, N).
length(L, N) :- var(N), !, L \== N, '$list_tail'(L, T), '$len_partial'(T, L, N).
length(_, N) :- integer(N), !, throw(error(domain_error(not_less_than_zero, N), context(length/2, _))).
length(_, N) :- throw(error(type_error(integer, N), context(length/2, _))).
'$len_result'(N, N0) :- var(N), !, N = N0.
'$len_result'(N, N0) :- integer(N), !, ( N >= 0 -> N = N0 ; throw(error(domain_error(not_less_than_zero, N), context(length/2, _))) ).
'$len_result'(N, _) :- throw(error(type_error(integer, N), context(length/2, _))).
'$len_fixed'(T, L, N) :- var(T), !, '$mklist'(N, L).
'$len_fixed'(_, L, _) :- throw(error(type_error(list, L), context(length/2, _))).
'$len_partial'(T, L, N) :- var(T), !, '$lengen'(L, 0, N).
'$len_partial'(_, L, _) :- throw(error(type_error(list, L), context(length/2, _))).
'$list_tail'(L, T) :- nonvar(L), L = [_|R], !, '$list_tail'(R, T).
'$list_tail'(T, T).
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
nth0(I, L, E, R) :- integer(I), !, I >= 0, '$nth_del'(I, L, E, R).
nth0(I, L, E, R) :- var(I), !, '$nth_gen'(L, E, R, 0, I).
nth0(I, _, _, _) :- throw(error(type_error(integer, I), context(nth0/4, _))).
nth1(I, L, E, R) :- integer(I), !, I > 0, I0 is I-1, '$nth_del'(I0, L, E, R).
nth1(I, L, E, R) :- var(I), !, '$nth_gen'(L, E, R, 1, I).
nth1(I, _, _, _) :- throw(error(type_error(integer, I), context(nth1/4, _))).
'$nth_del'(0, [E|T], E, T) :- !.
'$nth_del'(N, [H|T], E, [H|R]) :- N1 is N-1, '$nth_del'(N1, T, E, R).
'$nth_gen'([E|T], E, T, B, B).
'$nth_gen'([H|T], E, [H|R], B0, B) :- B1 is B0+1, '$nth_gen'(T, E, R, B1, B).
'$nth'(L, B, I, E) :- integer(I), !, Skip is I - B, Skip >= 0, '$nth_fixed'(Skip, L, E).
'$nth'([H|T], B, I, E) :- '$nth_var'(T, H, B, I, E).
'$nth_fixed'(0, [E|_], E) :- !.
'$nth_fixed'(N, [_|T], E) :- N1 is N-1, '$nth_fixed'(N1, T, E).
'$nth_var'(_, H, B, B, H).
'$nth_var'([H|T], _, B, I, E) :- B1 is B+1, '$nth_var'(T, H, B1, I, E).
last([X|Xs], L) :- '$last'(Xs, X, L).
'$last'([], L, L).
'$last'([X|Xs], _, L) :- '$last'(Xs, X, L).
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
numlist(L, H, R) :- '$must_be_int'(L, numlist/3), '$must_be_int'(H, numlist/3), L =< H, '$numlist'(L, H, R).
'$numlist'(H, H, R) :- !, R = [H].
'$numlist'(L, H, [L|T]) :- L1 is L+1, '$numlist'(L1, H, T).
'$must_be_int'(X, _) :- integer(X), !.
'$must_be_int'(X, PI) :- var(X), !, throw(error(instantiation_error, context(PI, _))).
'$must_be_int'(X, PI) :- throw(error(type_error(integer, X), context(PI, _))).
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
permutation([], []).
permutation(L, [H|T]) :- select(H, L, R), permutation(R, T).
delete([], _, []).
delete([H|T], X, R) :- ( H \= X -> R = [H|R1] ; R = R1 ), delete(T, X, R1).
subtract([], _, []).
subtract([H|T], L, R) :- ( memberchk(H, L) -> R = R1 ; R = [H|R1] ), subtract(T, L, R1).
retract(C) :- '$clause_split'(C, H, B), '$clause'(H, B, R), '$erase'(R).
clause(H, B) :- '$clause_head'(H), '$clause'(H, B, _).
retractall(H) :- '$clause'(H, _, R), '$erase'(R), fail.
retractall(H) :- '$ensure_dynamic'(H).
'$clause_split'(C, H, B) :- nonvar(C), C = (H :- B), !.
'$clause_split'(H, H, true).
atomic_list_concat(L, A) :- '$alc'(L, '', A).
'$alc'([], A, A).
'$alc'([X|_], _, _) :- X == [], !, throw(error(type_error(text, []), context(atomic_list_concat/2, _))).
'$alc'([X|Xs], A0, A) :- atom_concat(A0, X, A1), '$alc'(Xs, A1, A).
phrase(G, L) :- phrase(G, L, []).
phrase(G, L, R) :- '$dcg_body'(G, S0, S, B), S0 = L, S = R, call(B).
'$dcg_body'(V, S0, S, phrase(V, S0, S)) :- var(V), !, throw(error(instantiation_error, _)).
'$dcg_body'((A, B), S0, S, (GA, GB)) :- !, '$dcg_body'(A, S0, S1, GA), '$dcg_body'(B, S1, S, GB).
'$dcg_body'((A ; B), S0, S, (GA ; GB)) :- !, '$dcg_body'(A, S0, S, GA), '$dcg_body'(B, S0, S, GB).
'$dcg_body'('|'(A, B), S0, S, (GA ; GB)) :- !, '$dcg_body'(A, S0, S, GA), '$dcg_body'(B, S0, S, GB).
'$dcg_body'((A -> B), S0, S, (GA -> GB)) :- !, '$dcg_body'(A, S0, S1, GA), '$dcg_body'(B, S1, S, GB).
'$dcg_body'((A *-> B), S0, S, (GA *-> GB)) :- !, '$dcg_body'(A, S0, S1, GA), '$dcg_body'(B, S1, S, GB).
'$dcg_body'(\+ A, S0, S, (\+ GA, S0 = S)) :- !, '$dcg_body'(A, S0, _, GA).
'$dcg_body'(!, S0, S, (!, S0 = S)) :- !.
'$dcg_body'([], S0, S, S0 = S) :- !.
'$dcg_body'({}, S0, S, S0 = S) :- !.
'$dcg_body'({G}, S0, S, (G, S0 = S)) :- !.
'$dcg_body'([H|T], S0, S, S0 = L) :- !, '$dcg_terminals'([H|T], S, L).
'$dcg_body'(T, S0, S, S0 = L) :- string(T), !, string_codes(T, Cs), '$dcg_terminals'(Cs, S, L).
'$dcg_body'(G, S0, S, B) :- callable(G), !, G =.. L0, '$dcg_terminals'(L0, [S0, S], L1), B =.. L1.
'$dcg_body'(G, _, _, _) :- throw(error(type_error(callable, G), _)).
'$dcg_terminals'([], S, S).
'$dcg_terminals'([H|T], S, [H|L]) :- '$dcg_terminals'(T, S, L).
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
bagof(T, G, L) :-
    '$bag_split'(T, G, G1, W),
    (   W == []
    ->  findall(T, G1, L), L \== []
    ;   findall(W-T, G1, Ps), Ps \== [], keysort(Ps, S), '$bag_pick'(S, W, L)
    ).
setof(T, G, S) :- bagof(T, G, L), sort(L, S).
'$bag_split'(T, G, G1, W) :-
    '$strip_ex'(G, G1, Ex), term_variables(G1, GV), term_variables(T-Ex, TV), '$vars_minus'(GV, TV, W).
'$strip_ex'(G, G, []) :- var(G), !.
'$strip_ex'(V^G, G1, [V|Ex]) :- !, '$strip_ex'(G, G1, Ex).
'$strip_ex'(G, G, []).
'$vars_minus'([], _, []).
'$vars_minus'([V|Vs], Ex, W) :- '$var_in'(V, Ex), !, '$vars_minus'(Vs, Ex, W).
'$vars_minus'([V|Vs], Ex, [V|W]) :- '$vars_minus'(Vs, Ex, W).
'$var_in'(V, [X|Xs]) :- ( V == X -> true ; '$var_in'(V, Xs) ).
'$bag_pick'([K-V|T], W, L) :-
    '$bag_same'(T, K, Vs, Rest),
    (   Rest == []
    ->  W = K, L = [V|Vs]
    ;   ( W = K, L = [V|Vs] ; '$bag_pick'(Rest, W, L) )
    ).
'$bag_same'([], _, [], []).
'$bag_same'([K1-V|T], K, [V|Vs], R) :- K1 =@= K, !, K1 = K, '$bag_same'(T, K, Vs, R).
'$bag_same'([P|T], K, Vs, [P|R]) :- '$bag_same'(T, K, Vs, R).
_ ^ G :- call(G).
findall(T, G, L, Tail) :- findall(T, G, L0), append(L0, Tail, L).
aggregate_all(count, G, C) :- !, findall(x, G, L), length(L, C0), C = C0.
aggregate_all(count(T), G, C) :- !, findall(T, G, L), length(L, C0), C = C0.
aggregate_all(sum(E), G, S) :- !, findall(E, G, L), '$sum'(L, 0, S).
aggregate_all(max(E), G, M) :- !, findall(E, G, [H|T]), M0 is H, '$agg'(T, max, M0, M).
aggregate_all(min(E), G, M) :- !, findall(E, G, [H|T]), M0 is H, '$agg'(T, min, M0, M).
aggregate_all(max(E, W), G, max(M, MW)) :- !, findall(E-W, G, [H|T]), '$agg_num'(H), '$agg_w'(T, >, H, M-MW).
aggregate_all(min(E, W), G, min(M, MW)) :- !, findall(E-W, G, [H|T]), '$agg_num'(H), '$agg_w'(T, <, H, M-MW).
aggregate_all(bag(E), G, L) :- !, findall(E, G, L).
aggregate_all(set(E), G, S) :- !, findall(E, G, L), sort(L, S).
aggregate_all(Spec, _, _) :- throw(error(domain_error(aggregate_spec, Spec), _)).
'$agg'([], _, M, M).
'$agg'([X|Xs], Op, A, M) :- E =.. [Op, A, X], A1 is E, '$agg'(Xs, Op, A1, M).
'$agg_w'([], _, P, P).
'$agg_num'(X-_) :- number(X), !.
'$agg_num'(X-_) :- var(X), !, throw(error(instantiation_error, context(aggregate_all/3, _))).
'$agg_num'(X-_) :- throw(error(type_error(number, X), context(aggregate_all/3, _))).
'$agg_w'([X-W|T], Op, A-AW, P) :- '$agg_num'(X-W), C =.. [Op, X, A], ( C -> '$agg_w'(T, Op, X-W, P) ; '$agg_w'(T, Op, A-AW, P) ).
append(Ls, L) :- '$append_all'(Ls, L).
'$append_all'([], []).
'$append_all'([L|Ls], As) :- append(L, Ws, As), '$append_all'(Ls, Ws).
max_member(M, L) :- '$max_member'(L, M).
'$max_member'([H|T], M) :- '$max_mem'(T, H, M).
'$max_mem'([], M, M).
'$max_mem'([H|T], A, M) :- ( H @> A -> '$max_mem'(T, H, M) ; '$max_mem'(T, A, M) ).
min_member(M, L) :- '$min_member'(L, M).
'$min_member'([H|T], M) :- '$min_mem'(T, H, M).
'$min_mem'([], M, M).
'$min_mem'([H|T], A, M) :- ( H @< A -> '$min_mem'(T, H, M) ; '$min_mem'(T, A, M) ).
partition(_, [], [], []).
partition(P, [H|T], I, E) :-
    ( call(P, H) -> I = [H|I1], E = E1 ; I = I1, E = [H|E1] ), partition(P, T, I1, E1).
maplist(_, [], [], [], []).
maplist(G, [A|As], [B|Bs], [C|Cs], [D|Ds]) :- call(G, A, B, C, D), maplist(G, As, Bs, Cs, Ds).
maplist(_, [], [], [], [], []).
maplist(G, [A|As], [B|Bs], [C|Cs], [D|Ds], [E|Es]) :- call(G, A, B, C, D, E), maplist(G, As, Bs, Cs, Ds, Es).
maplist(_, [], [], [], [], [], []).
maplist(G, [A|As], [B|Bs], [C|Cs], [D|Ds], [E|Es], [F|Fs]) :-
    call(G, A, B, C, D, E, F), maplist(G, As, Bs, Cs, Ds, Es, Fs).
foldl(G, L1, L2, A0, A) :- '$foldl'(L1, L2, G, A0, A).
'$foldl'([], [], _, A, A).
'$foldl'([X|Xs], [Y|Ys], G, A0, A) :- call(G, X, Y, A0, A1), '$foldl'(Xs, Ys, G, A1, A).
foldl(G, L1, L2, L3, A0, A) :- '$foldl'(L1, L2, L3, G, A0, A).
'$foldl'([], [], [], _, A, A).
'$foldl'([X|Xs], [Y|Ys], [Z|Zs], G, A0, A) :- call(G, X, Y, Z, A0, A1), '$foldl'(Xs, Ys, Zs, G, A1, A).
list_to_set(L, S) :- '$lts'(L, [], S).
'$lts'([], _, []).
'$lts'([H|T], Seen, R) :- ( '$memberchk_eq'(H, Seen) -> R = R1 ; R = [H|R1] ), '$lts'(T, [H|Seen], R1).
'$memberchk_eq'(X, [Y|Ys]) :- ( X == Y -> true ; '$memberchk_eq'(X, Ys) ).
intersection([], _, []) :- !.
intersection([X|T], L, I) :- ( memberchk(X, L) -> I = [X|R] ; I = R ), intersection(T, L, R).
union([], L, L) :- !.
union([H|T], L, R) :- ( memberchk(H, L) -> R = R1 ; R = [H|R1] ), union(T, L, R1).
selectchk(X, L, R) :- select(X, L, R), !.
select(X, Xs, Y, Ys) :- '$select4'(Xs, X, Y, Ys).
'$select4'([X|T], X, Y, [Y|T]).
'$select4'([H|T], X, Y, [H|T2]) :- '$select4'(T, X, Y, T2).
flatten(L, F) :- '$flatten'(L, [], F0), !, F = F0.
'$flatten'(V, T, [V|T]) :- var(V), !.
'$flatten'([], T, T) :- !.
'$flatten'([H|Rest], T, F) :- !, '$flatten'(H, F1, F), '$flatten'(Rest, T, F1).
'$flatten'(A, T, [A|T]).
nextto(X, Y, [X, Y|_]).
nextto(X, Y, [_|T]) :- nextto(X, Y, T).
pairs_keys_values([], [], []).
pairs_keys_values([K-V|T], [K|Ks], [V|Vs]) :- pairs_keys_values(T, Ks, Vs).
pairs_keys([], []).
pairs_keys([K-_|T], [K|Ks]) :- pairs_keys(T, Ks).
pairs_values([], []).
pairs_values([_-V|T], [V|Vs]) :- pairs_values(T, Vs).
predsort(P, L, Sorted) :- length(L, N), ( N < 2 -> Sorted = L ; '$predsort'(P, N, L, _, Sorted1), Sorted = Sorted1 ).
'$predsort'(P, 2, [X1, X2|L], L, R) :- !, call(P, Delta, X1, X2), '$psort2'(Delta, X1, X2, R).
'$predsort'(_, 1, [X|L], L, [X]) :- !.
'$predsort'(_, 0, L, L, []) :- !.
'$predsort'(P, N, L1, L3, R) :-
    N1 is N // 2, plus(N1, N2, N), '$predsort'(P, N1, L1, L2, R1), '$predsort'(P, N2, L2, L3, R2),
    '$predmerge'(P, R1, R2, R).
'$psort2'(<, X1, X2, [X1, X2]).
'$psort2'(=, X1, _, [X1]).
'$psort2'(>, X1, X2, [X2, X1]).
'$predmerge'(_, [], R, R) :- !.
'$predmerge'(_, R, [], R) :- !.
'$predmerge'(P, [H1|T1], [H2|T2], Result) :-
    call(P, Delta, H1, H2), !, '$predmerge_'(Delta, P, H1, H2, T1, T2, Result).
'$predmerge_'(<, P, H1, H2, T1, T2, [H1|R]) :- '$predmerge'(P, T1, [H2|T2], R).
'$predmerge_'(=, P, H1, _, T1, T2, [H1|R]) :- '$predmerge'(P, T1, T2, R).
'$predmerge_'(>, P, H1, H2, T1, T2, [H2|R]) :- '$predmerge'(P, [H1|T1], T2, R).
sub_atom(A, B, L, Af, S) :- '$sub'(atom, A, B, L, Af, S).
sub_string(A, B, L, Af, S) :- '$sub'(string, A, B, L, Af, S).
'$sub'(K, A, _, _, _, _) :- A == [], !, throw(error(type_error(K, []), context(sub_atom/5, _))).
'$sub'(K, A, B, L, Af, S) :-
    atom_length(A, N),
    (   ( atom(S) ; string(S) )
    ->  atom_length(S, L), '$int_or_var'(B), '$int_or_var'(Af),
        M is N - L, between(0, M, B), Af is N - B - L, '$sub_slice'(K, A, B, L, S)
    ;   '$int_or_var'(B), '$int_or_var'(L), '$int_or_var'(Af),
        ( integer(B) -> true ; integer(L), integer(Af) -> B is N - L - Af ; between(0, N, B) ),
        M is N - B,
        ( integer(L) -> true ; integer(Af) -> L is M - Af ; between(0, M, L) ),
        L >= 0, Af is M - L, Af >= 0, '$sub_slice'(K, A, B, L, S)
    ).
'$int_or_var'(X) :- '$int_or_var'(X, sub_atom/5).
'$int_or_var'(X, _) :- var(X), !.
'$int_or_var'(X, _) :- integer(X), !.
'$int_or_var'(X, PI) :- throw(error(type_error(integer, X), context(PI, _))).
upcase_atom(A, U) :- atom_codes(A, Cs), '$map_case'(Cs, 0'a, 0'z, -32, Us), atom_codes(U, Us).
downcase_atom(A, D) :- atom_codes(A, Cs), '$map_case'(Cs, 0'A, 0'Z, 32, Ds), atom_codes(D, Ds).
'$map_case'([], _, _, _, []).
'$map_case'([C|Cs], Lo, Hi, D, [U|Us]) :- ( C >= Lo, C =< Hi -> U is C + D ; U = C ), '$map_case'(Cs, Lo, Hi, D, Us).
'>>'(Ps, B) :- '$lambda'(Ps, B, []).
'>>'(Ps, B, A1) :- '$lambda'(Ps, B, [A1]).
'>>'(Ps, B, A1, A2) :- '$lambda'(Ps, B, [A1, A2]).
'>>'(Ps, B, A1, A2, A3) :- '$lambda'(Ps, B, [A1, A2, A3]).
'>>'(Ps, B, A1, A2, A3, A4) :- '$lambda'(Ps, B, [A1, A2, A3, A4]).
'>>'(Ps, B, A1, A2, A3, A4, A5) :- '$lambda'(Ps, B, [A1, A2, A3, A4, A5]).
'>>'(Ps, B, A1, A2, A3, A4, A5, A6) :- '$lambda'(Ps, B, [A1, A2, A3, A4, A5, A6]).
'$lambda'(Free/Ps, B, As) :- !, copy_term(Free/Ps-B, Free1/Ps1-B1), Free1 = Free, '$lambda_call'(Ps1, B1, As).
'$lambda'(Ps, B, As) :- copy_term(Ps-B, Ps1-B1), '$lambda_call'(Ps1, B1, As).
'$lambda_call'([], B, As) :- !, '$call_extra'(B, As).
'$lambda_call'([P|Ps], B, [A|As]) :- !, P = A, '$lambda_call'(Ps, B, As).
'$lambda_call'([_|_], B, []) :- !, call(B).
'$call_extra'(B, []) :- !, call(B).
'$call_extra'(B, As) :- B =.. L0, append(L0, As, L1), G =.. L1, call(G).
current_prolog_flag(F, V) :- '$prolog_flags'(F, L), member(F-V, L).
current_predicate(PI) :- '$pi_check'(PI), '$user_predicates'(L), member(PI, L).
'$pi_check'(PI) :- var(PI), !.
'$pi_check'(N/A) :- !, '$pi_part'(N, atom), '$pi_part'(A, integer).
'$pi_check'(PI) :- throw(error(type_error(predicate_indicator, PI), context(current_predicate/1, _))).
'$pi_part'(X, _) :- var(X), !.
'$pi_part'(X, atom) :- atom(X), !.
'$pi_part'(X, integer) :- integer(X), !.
'$pi_part'(X, T) :- throw(error(type_error(T, X), context(current_predicate/1, _))).
current_op(P, T, N) :- '$op_check'(P, T, N), '$operators'(L), member(op(P, T, N), L).
'$op_check'(P, _, _) :- nonvar(P), \+ integer(P), throw(error(type_error(integer, P), context(current_op/3, _))).
'$op_check'(P, _, _) :- integer(P), ( P < 0 ; P > 1200 ), throw(error(domain_error(operator_priority, P), context(current_op/3, _))).
'$op_check'(_, T, _) :- nonvar(T), \+ atom(T), throw(error(type_error(atom, T), context(current_op/3, _))).
'$op_check'(_, T, _) :- atom(T), \+ memberchk(T, [xfx, xfy, yfx, fy, fx, xf, yf]), throw(error(domain_error(operator_specifier, T), context(current_op/3, _))).
'$op_check'(_, _, N) :- nonvar(N), \+ atom(N), throw(error(type_error(atom, N), context(current_op/3, _))).
'$op_check'(_, _, _).
atom_concat(A, B, C) :- nonvar(A), nonvar(B), !, '$atom_concat'(A, B, C).
atom_concat(_, _, C) :- var(C), !, throw(error(instantiation_error, context(atom_concat/3, _))).
atom_concat(_, _, C) :- compound(C), !, throw(error(type_error(atomic, C), context(atom_concat/3, _))).
atom_concat(A, B, C) :- atom_length(C, N), '$concat_split'(N, A, B, C).
'$concat_split'(N, A, B, C) :- nonvar(A), !, atom_length(A, L), L =< N, sub_atom(C, 0, L, R, A), sub_atom(C, L, R, 0, B).
'$concat_split'(N, A, B, C) :- nonvar(B), !, atom_length(B, R), R =< N, L is N - R, sub_atom(C, L, R, 0, B), sub_atom(C, 0, L, R, A).
'$concat_split'(N, A, B, C) :- between(0, N, L), R is N - L, sub_atom(C, 0, L, R, A), sub_atom(C, L, R, 0, B).
char_type(C, T) :- var(C), !, between(0, 255, X), '$ctype'(T, X, char), char_code(C, X).
char_type(C, T) :- char_code(C, X), '$ctype'(T, X, char).
code_type(X, T) :- var(X), !, between(0, 255, X), '$ctype'(T, X, code).
code_type(C, T) :- atom(C), !, char_code(C, X), '$ctype'(T, X, code).
code_type(X, T) :- '$ctype'(T, X, code).
'$ctype'(alnum, X, _) :- ( '$letter'(X) -> true ; '$digit'(X) ).
'$ctype'(alpha, X, _) :- '$letter'(X).
'$ctype'(csym, X, _) :- ( X =:= 0'_ -> true ; '$letter'(X) -> true ; '$digit'(X) ).
'$ctype'(csymf, X, _) :- ( X =:= 0'_ -> true ; '$letter'(X) ).
'$ctype'(digit(W), X, _) :- '$digit'(X), W is X - 0'0.
'$ctype'(digit, X, _) :- '$digit'(X).
'$ctype'(space, X, _) :- ( X =:= 32 -> true ; X >= 9, X =< 13 ).
'$ctype'(white, X, _) :- ( X =:= 32 -> true ; X =:= 9 ).
'$ctype'(upper(L), X, M) :- X >= 0'A, X =< 0'Z, Y is X + 32, '$ct_out'(M, Y, L).
'$ctype'(upper, X, _) :- X >= 0'A, X =< 0'Z.
'$ctype'(lower(U), X, M) :- X >= 0'a, X =< 0'z, Y is X - 32, '$ct_out'(M, Y, U).
'$ctype'(lower, X, _) :- X >= 0'a, X =< 0'z.
'$ctype'(punct, X, _) :- X >= 33, X =< 126, \+ '$letter'(X), \+ '$digit'(X).
'$ctype'(graph, X, _) :- X >= 33, X =< 126.
'$ctype'(end_of_line, X, _) :- ( X =:= 10 -> true ; X =:= 13 ).
'$ctype'(to_lower(L), X, M) :- ( X >= 0'a, X =< 0'z -> Y is X - 32 ; Y = X ), '$ct_out'(M, Y, L).
'$ctype'(to_upper(U), X, M) :- ( X >= 0'A, X =< 0'Z -> Y is X + 32 ; Y = X ), '$ct_out'(M, Y, U).
'$ct_out'(code, Y, Y).
'$ct_out'(char, Y, C) :- char_code(C, Y).
'$letter'(X) :- X >= 0'a, X =< 0'z, !.
'$letter'(X) :- X >= 0'A, X =< 0'Z.
'$digit'(X) :- X >= 0'0, X =< 0'9.
string_concat(A, B, C) :- ( A == [] ; B == [] ), !, throw(error(type_error(atom, []), context(string_concat/3, _))).
string_concat(A, B, C) :- nonvar(A), nonvar(B), !, '$string_concat'(A, B, C).
string_concat(_, _, C) :- var(C), !, throw(error(instantiation_error, context(string_concat/3, _))).
string_concat(A, B, C) :- string_length(C, N), '$sconcat_split'(N, A, B, C).
'$sconcat_split'(N, A, B, C) :- nonvar(A), !, string_length(A, L), L =< N, sub_string(C, 0, L, R, A), sub_string(C, L, R, 0, B).
'$sconcat_split'(N, A, B, C) :- nonvar(B), !, string_length(B, R), R =< N, L is N - R, sub_string(C, L, R, 0, B), sub_string(C, 0, L, R, A).
'$sconcat_split'(N, A, B, C) :- between(0, N, L), R is N - L, sub_string(C, 0, L, R, A), sub_string(C, L, R, 0, B).
string_code(I, S, C) :- var(I), !, string_length(S, N), between(1, N, I), '$string_code'(I, S, C).
string_code(I, S, C) :- '$string_code'(I, S, C).
writeln(X) :- write(X), nl.
writeln(S, X) :- write(S, X), nl(S).
read(T) :- read_term(T, []).
read(S, T) :- read_term(S, T, []).
