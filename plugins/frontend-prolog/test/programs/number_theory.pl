% Number theory: gcd and lcm, prime factorisation, Euler's totient two ways, Goldbach
% pairs, perfect numbers, digit sums of big powers, and modular exponentiation.
factors(N, Fs) :- factors(N, 2, Fs).
factors(1, _, []) :- !.
factors(N, F, [F | Fs]) :- N mod F =:= 0, !, N1 is N // F, factors(N1, F, Fs).
factors(N, F, Fs) :- F * F > N, !, Fs = [N].
factors(N, F, Fs) :- F1 is F + 1, factors(N, F1, Fs).

encode([], []).
encode([X | Xs], [X-N | Rest]) :- count_same(X, Xs, 1, N, Tail), encode(Tail, Rest).
count_same(X, [Y | Ys], N0, N, T) :- X == Y, !, N1 is N0 + 1, count_same(X, Ys, N1, N, T).
count_same(_, T, N, N, T).

prime(N) :- N > 1, factors(N, Fs), Fs = [N].

phi_naive(N, Phi) :- aggregate_all(count, (between(1, N, K), gcd(N, K) =:= 1), Phi).
phi(N, Phi) :- factors(N, Fs), encode(Fs, Ps), foldl([P-M, A0, A]>>(A is A0 * (P - 1) * P ** (M - 1)), Ps, 1, Phi).

goldbach(N, P-Q) :- between(2, N, P), prime(P), Q is N - P, Q >= P, prime(Q), !.

perfect(N) :- N > 1, Lim is N // 2, aggregate_all(sum(D), (between(1, Lim, D), N mod D =:= 0), N).

digit_sum(N, S) :- number_codes(N, Cs), foldl([C, A0, A]>>(A is A0 + C - 0'0), Cs, 0, S).

powmod(_, 0, _, 1) :- !.
powmod(B, E, M, R) :- E mod 2 =:= 0, !, E2 is E // 2, powmod(B, E2, M, R2), R is R2 * R2 mod M.
powmod(B, E, M, R) :- E1 is E - 1, powmod(B, E1, M, R1), R is B * R1 mod M.

main :-
    forall(member(N, [360, 97, 1001, 65536, 123456789]),
           ( factors(N, Fs), encode(Fs, E), format("~d = ~w~n", [N, E]) )),
    format("gcd(1071, 462) = ~d, lcm = ~d~n", [gcd(1071, 462), 1071 * 462 // gcd(1071, 462)]),
    forall(member(N, [10, 36, 97, 100]), ( phi_naive(N, A), phi(N, B), format("phi(~d) = ~d = ~d~n", [N, A, B]) )),
    findall(N=P+Q, (between(4, 30, N), N mod 2 =:= 0, goldbach(N, P-Q)), Gs), format("~w~n", [Gs]),
    findall(N, (between(2, 100, N), perfect(N)), Ps), format("perfect: ~w~n", [Ps]),
    X is 2 ** 100, digit_sum(X, DS), format("2^100 = ~d, digit sum ~d~n", [X, DS]),
    F is 3 ** 50 - 1, format("3^50-1 = ~D~n", [F]),
    powmod(7, 560, 561, R), format("7^560 mod 561 = ~d (561 = ~w)~n", [R, 3*11*17]),
    findall(P, (between(1, 60, P), prime(P)), Primes), length(Primes, NP), sum_list(Primes, SP),
    format("~d primes below 60, sum ~d, last ~w~n", [NP, SP, Primes]).
