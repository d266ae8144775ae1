% =.. building terms from lists (in IR when the list is proper with an atom head), the
% functor cache under many names and arities, and the copies findall and throw make.
formal(G) :- catch((G -> write(yes) ; write(no)), error(F, _), write(F)), nl.

many(0, Acc, Acc) :- !.
many(I, Acc0, Acc) :-
  C1 is 0'0 + I mod 10, C2 is 0'0 + I // 10 mod 10, atom_codes(A, [0'a, C1, C2]), N is I mod 7 + 1,
  length(Args, N), T =.. [A | Args], functor(T, A2, N2),
  I1 is I - 1, many(I1, [A2/N2 | Acc0], Acc).

sum_arities([], S, S).
sum_arities([_/N | Ts], S0, S) :- S1 is S0 + N, sum_arities(Ts, S1, S).

main :-
  X =.. [point, 1, Y, Y], Y = 2, write(X), nl,
  f(A, b) =.. [f, a, B], write(A-B), nl,
  formal(g(1) =.. [g, 2]), formal(_ =.. [3, a]), formal(_ =.. [f | _]), formal(_ =.. [f | x]),
  formal(_ =.. [V, a]), formal(_ =.. []), formal(T1 =.. [only]), write(T1), nl,
  formal(_ =.. [f(x), a]), formal(T2 =.. [[], a]), write(T2), nl,
  L = [h, L1, L2], L1 = [1, 2],  L2 = s, T3 =.. L, write(T3), nl,
  length(Long, 300), T4 =.. [big | Long], functor(T4, N4, A4), write(N4/A4), nl,
  many(120, [], Ts), many(120, [], Ts2), Ts == Ts2, sum_arities(Ts, 0, S), write(S), nl,
  findall(P-Q, member(P-Q, [1-a, f(x)-g(y), Z-Z, W-_]), Ps),
  Ps = [P1, P2, Z1-Z2, W1-W2], print(P1/P2), nl, formal((var(Z1), Z1 == Z2, W1 \== W2, Z1 \== Z, W1 \== W)),
  findall(K, member(K, [f(1, 2.5, c), g(_), h(i(j))]), Ks), Ks = [K1, g(G), K3], print(K1/K3), nl, formal(var(G)),
  catch(throw(ball(1, two, 3.0)), E1, (write(caught(E1)), nl)),
  catch(throw(ball(M)), ball(M2), formal((var(M2), M \== M2))),
  ( var(V), var(W), var(M) -> write(fresh) ; write(bound) ), nl.
