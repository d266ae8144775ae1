% Compound head arguments are matched in read mode (against a compound) or built in write
% mode (against an unbound variable); nested terms, repeated variables and mismatches.
pair(p(X, X), same(X)).
pair(p(X, Y), diff(X, Y)) :- X \== Y.
nest(f(g(A, [B|T]), h(A)), A-B-T).
nest(f(k, _), kay).
swap(s(A, B), s(B, A)).
first([X|_], X).
deep(a(b(c(d(X)))), X).
anon(t(_, _, Z), Z).

show(G) :- ( findall(G, G, L), L \== [] -> name_vars(L, 0, _), write(L) ; write(no) ), nl.

% Binds each variable to v(N), so the output does not depend on how variables print.
name_vars(T, N0, N) :- var(T), !, T = v(N0), N is N0 + 1.
name_vars(T, N0, N) :- compound(T), !, T =.. [_|Args], name_list(Args, N0, N).
name_vars(_, N, N).
name_list([], N, N).
name_list([A|As], N0, N) :- name_vars(A, N0, N1), name_list(As, N1, N).

main :-
    show(pair(p(1, 1), _)),
    show(pair(p(1, 2), _)),
    show(pair(_, _)),
    show(pair(p(Z, Z), _)),
    show(nest(f(g(1, [2, 3]), h(1)), _)),
    show(nest(f(g(1, [2]), h(9)), _)),
    show(nest(_, _)),
    show(nest(f(g(Q, R), h(Q)), _)),
    show(nest(f(k, anything), _)),
    show(swap(s(1, 2), _)),
    show(swap(_, s(x, y))),
    show(swap(s(_, _), s(1, 2))),
    show(first([a, b], _)),
    show(first(_, a)),
    show(first([], _)),
    show(first(notalist, _)),
    show(deep(a(b(c(d(42)))), _)),
    show(deep(a(b(c(e(42)))), _)),
    show(deep(a(b(W)), 7)),
    show(anon(t(1, 2, 3), _)),
    show(anon(t(1, 2), _)),
    show(anon(s(1, 2, 3), _)),
    X = f(Y), show(nest(f(g(Y, [Y|Y]), h(Y)), _)),
    name_vars(X-W-R, 100, _), write(X), nl, write(W), nl, write(R), nl.
