# Factorization, divisors, Euler's totient, perfect numbers and modular inverses.
def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def divisors(n):
    small = [d for d in range(1, int(n ** 0.5) + 1) if n % d == 0]
    return sorted(small + [n // d for d in small if d * d != n])


def totient(n):
    result = n
    for p in factorize(n):
        result -= result // p
    return result


def show(factors):
    return " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in sorted(factors.items()))


for n in [2, 12, 360, 97, 1001, 65536, 999999, 600851475143]:
    f = factorize(n)
    print(f"{n} = {show(f)}; phi = {totient(n)}")
print("divisors of 360:", divisors(360))

for n in [6, 28, 496, 8128, 12, 945]:
    s = sum(divisors(n)) - n
    kind = "perfect" if s == n else ("abundant" if s > n else "deficient")
    print(n, kind, s)
for a, m in [(3, 11), (10, 17), (7, 40), (6, 9)]:
    try:
        inv = pow(a, -1, m)
        print(f"{a}^-1 mod {m} = {inv} (check {a * inv % m})")
    except ValueError as e:
        print(f"{a} mod {m}: {e}")
print(pow(2, 10**18, 10**9 + 7), pow(3, 200, 10**20))
