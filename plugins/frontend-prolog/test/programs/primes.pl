% Primes: a sieve over a list, trial division, factorization of big integers.
sieve([], []).
sieve([P|Xs], [P|Ps]) :- exclude([X]>>(0 is X mod P), Xs, Ys), sieve(Ys, Ps).

primes_upto(N, Ps) :- numlist(2, N, L), sieve(L, Ps).

prime(2).
prime(N) :- N > 2, N mod 2 =\= 0, \+ has_factor(N, 3).
has_factor(N, F) :- F * F =< N, ( N mod F =:= 0 -> true ; F2 is F + 2, has_factor(N, F2) ).

factors(N, Fs) :- factors(N, 2, Fs).
factors(1, _, []) :- !.
factors(N, F, [F|Fs]) :- N mod F =:= 0, !, N1 is N // F, factors(N1, F, Fs).
factors(N, F, Fs) :- F * F > N, !, Fs = [N].
factors(N, F, Fs) :- ( F =:= 2 -> F1 = 3 ; F1 is F + 2 ), factors(N, F1, Fs).

main :-
    primes_upto(200, Ps), write(Ps), nl, length(Ps, N), write(count(N)), nl,
    findall(P, (between(1000, 1100, P), prime(P)), L), write(L), nl,
    X is 2 ** 32 + 1, factors(X, Fx), write(X = Fx), nl,
    Y is 600851475143 * 1000003, factors(Y, Fy), write(Y = Fy), nl,
    Z is 2 ^ 48 - 1, factors(Z, Fz), write(Z = Fz), nl,
    last(Fz, Largest), write(largest(Largest)), nl.
