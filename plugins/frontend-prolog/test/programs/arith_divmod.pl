% Integer division and modulus sign rules, bigints crossing the small-int and 64-bit
% boundaries, and float functions.
p(E) :- X is E, write(X), nl.
main :-
  forall(member(E, [7 // 2, -7 // 2, 7 // -2, -7 // -2, 7 mod 2, -7 mod 2, 7 mod -2, -7 mod -2,
                    7 rem 2, -7 rem 2, 7 rem -2, -7 div 2, 7 div -2, -7 div -2, 7 div 2,
                    2 ** 100, 2 ^ 100, -(2 ^ 64), 2 ^ 64 // 3, (2 ^ 64) mod 7, -(2 ^ 64) mod 7,
                    -(2 ^ 64) // 7, -(2 ^ 64) div 7, -(2 ^ 64) rem 7, abs(-(2 ^ 70)), sign(-(2 ^ 70)),
                    1073741823 + 1, -1073741824 - 1, 1073741824 * 2, 46341 * 46341, 65536 * 65536,
                    123456789 * 987654321, (2 ^ 62) * (2 ^ 62) - 1, 2 ^ 200 // 2 ^ 190,
                    gcd(12, -18), gcd(2 ^ 80, 6 ^ 40), msb(1000), msb(2 ^ 90), 1 << 70, -1 >> 3, -16 >> 2,
                    5 xor 3, \ 5, 5 /\ 3, 5 \/ 3, (2 ^ 70) /\ (2 ^ 70 - 1), min(2, 3), max(7, -(2 ^ 65)),
                    7 / 2, -7 / 2, 8 / 4, 7.0 / 2, 2 ** -1, 2 ** 0.5, 2.0 ** 3, 9 ^ 0, 0 ^ 0, (-2) ^ 3,
                    truncate(-3.5), round(-3.5), round(2.5), ceiling(-3.5), floor(-3.5), integer(2.5),
                    integer(-2.5), float_integer_part(-3.75), float_fractional_part(-3.75), sqrt(16),
                    float(2 ^ 70), truncate(1.0e20), abs(-0.0), 1.0e10, 1.5e-7, 1.0e15, 123.456, -0.1,
                    max(2, 2.0), min(1, 1.0), 10 / 4.0, 3 - 2.5, 0.1 + 0.2, atan2(1, 1), exp(0), log(1),
                    cos(0), pi, e]),
         p(E)),
  ( 2 ^ 64 =:= 2.0 ** 64 -> write(eq) ; write(ne) ), nl,
  ( 1 =:= 1.0 -> write(eq) ; write(ne) ), nl,
  ( 2 ^ 65 > 2 ^ 64 + 1 -> write(gt) ; write(le) ), nl,
  ( -(2 ^ 65) < 3 -> write(lt) ; write(ge) ), nl.
