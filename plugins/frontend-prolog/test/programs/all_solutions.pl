% findall/3 and friends without bagof: nested, with free variables, empty, over
% backtracking builtins, forall/2 and aggregate_all(count).
p(1, a). p(2, b). p(3, a). p(4, c).
main :-
  findall(X, p(X, a), L1), write(L1), nl,
  findall(X-Y, p(X, Y), L2), write(L2), nl,
  findall(X, p(X, zzz), L3), write(L3), nl,
  findall(Y-Xs, (member(Y, [a, b, c, d]), findall(X, p(X, Y), Xs)), L4), write(L4), nl,
  findall(f(X, _), member(X, [1, 2]), [f(1, A), f(2, B)]), ( A \== B -> write(distinct) ; write(same) ), nl,
  findall(X, (member(X, [1, 2, 3, 4, 5, 6]), X mod 2 =:= 0), L5), write(L5), nl,
  findall(N, (between(1, 4, I), N is I * I), L6), sum_list(L6, S), write(L6/S), nl,
  aggregate_all(count, p(_, a), C), write(count(C)), nl,
  ( forall(p(X, _), X > 0) -> write(all_positive) ; write(not_all) ), nl,
  ( forall(p(X, Y), Y == a) -> write(all_a) ; write(not_all_a) ), nl,
  findall(L, append(L, _, [x, y, z]), L7), write(L7), nl,
  findall(X, (member(X, [3, 1, 2]), \+ X = 1), L8), write(L8), nl,
  catch(findall(X, (member(X, [1, 2]), X > foo), _), error(E, _), (writeq(E), nl)),
  findall(X, findall(Y, member(Y, [X]), _), L9), length(L9, Len), write(Len), nl,
  length(Big, 1000), findall(x, member(_, Big), L10), length(L10, N10), write(N10), nl.
