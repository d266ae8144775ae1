:- dynamic(c0_d/1).
c0_f(a, 0).
c0_g(_) :- fail.
c0_r0(X, Y) :- c0_count(X, Y, Z), copy_term(f(X, Y, _), Z), Z is 98765432109876543210 mod (Y + 7).
c0_r1(X, Y) :- true.
c0_r2(X, Y) :- true.
c0_count(0, A, A) :- !.
c0_count(N, A0, A) :- N > 0, N < 20, N1 is N - 1, A1 is A0 * 98765432109876543210 + N, c0_count(N1, A1, A).
c0_len([], 0).
c0_len([_|T], N) :- c0_len(T, M), N is M + 1.
c0_thrower(X) :- c0_g(X), throw(ball(X)).
c0_thrower(_).
c0_main :- c0_q(0, (forall(c0_r0(X, Y), (c0_w(X-Y), nl)))).
c0_q(I, G) :- write(query(I)), nl, catch((G -> true ; write(failed), nl), E, c0_caught(E)).
c0_caught(error(F, _)) :- !, write('caught error: '), c0_p(F), nl.
c0_caught(B) :- write('caught: '), c0_p(B), nl.
c0_w(T) :- copy_term(T, C), term_variables(C, Vs), c0_blank(Vs), write(C).
c0_p(T) :- copy_term(T, C), term_variables(C, Vs), c0_blank(Vs), print(C).
c0_blank([]).
c0_blank(['_'|Vs]) :- c0_blank(Vs).
main :- c0_main.
