# Toy RSA and checksums: pow with a modulus (and a negative exponent), divmod, hash of
# ints/floats/tuples, round with ndigits, 7 ** -2 and friends, with f-string reports.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def is_prime(n):
    if n < 2:
        return False
    return all(n % d for d in range(2, int(n ** 0.5) + 1))


primes = [p for p in range(1000, 1100) if is_prime(p)]
p, q = primes[3], primes[-2]
n = p * q
phi = (p - 1) * (q - 1)
e = 65537 if gcd(65537, phi) == 1 else 3
d = pow(e, -1, phi)
print(f"p={p} q={q} n={n} phi={phi} e={e} d={d} check={e * d % phi}")
message = "Hi, RSA!"
cipher = [pow(ord(c), e, n) for c in message]
plain = "".join(chr(pow(c, d, n)) for c in cipher)
print(cipher[:4], plain, plain == message)
print("blocks:", [divmod(c, 1 << 16) for c in cipher[:3]])
print(pow(-2, 3, 5), pow(5, 3, -7), pow(2, 100), pow(2.0, -2), pow(10, -2))
try:
    pow(6, -1, 9)
except ValueError as err:
    print("ValueError:", err)
print(7 ** -2, 2 ** -3, 10 ** -5, (-3) ** -3, 1.1 ** 10, 3 ** 0.5)
print(divmod(-17, 5), divmod(17, -5), divmod(7.5, -2), divmod(2 ** 70, 12345))
print(round(2.675, 2), round(0.125, 2), round(-1.5), round(2.5), round(1234.5678, -2), round(7, -1))
records = [(name, i, i * 0.5) for i, name in enumerate(["ann", "bob", "cy"])]
checks = [hash((i, x)) for _, i, x in records]
print(checks, hash(-1), hash(2 ** 64 + 5), hash(0.1), hash(-2.5), hash((1, (2.0, -3))), hash(True))
table = {}
for c in message:
    bucket = hash(ord(c)) % 7
    table[bucket] = table.get(bucket, "") + c
print(sorted(table.items()))
total = sum(pow(k, 3, 1009) for k in range(1, 200))
q_, r_ = divmod(total, 97)
print(f"total={total:,} = 97*{q_}+{r_}, mean={total / 199:.4f}, {total / 199:e}")
