main :- X is 7 // 2, Y is -7 // 2, Z is 7 mod -2, W is -7 rem 2, write([X, Y, Z, W]), nl,
  A is max(3, 9) + min(4, 1) * abs(-5), write(A), nl, B is 2 ** 10, C is 2 ^ 100, write(B), nl, write(C), nl,
  D is 10 / 4, E is 10 / 5, write(D), nl, write(E), nl, F is 1 << 40, G is F >> 38, write(F-G), nl,
  H is 5 /\ 3 \/ 8, I is xor(5, 1), J is \ 5, write([H, I, J]), nl, K is gcd(12, 18), write(K), nl,
  L is sign(-3), M is msb(1000), write(L/M), nl.
