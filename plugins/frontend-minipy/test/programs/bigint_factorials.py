# Big integers: factorials, digit sums, trailing zeros, Catalan numbers, binomials mod p,
# powers of two and a check of Wilson's theorem.
def factorial(n):
    out = 1
    for k in range(2, n + 1):
        out *= k
    return out


def trailing_zeros(n):
    count = 0
    p = 5
    while p <= n:
        count += n // p
        p *= 5
    return count


def binomial(n, k):
    if k < 0 or k > n:
        return 0
    k = min(k, n - k)
    out = 1
    for i in range(1, k + 1):
        out = out * (n - k + i) // i
    return out


f100 = factorial(100)
print(f100)
print("digits:", len(str(f100)), "digit sum:", sum(int(d) for d in str(f100)))
print("trailing zeros:", trailing_zeros(100), len(str(f100)) - len(str(f100).rstrip("0")))
print("2**1000 digit sum:", sum(int(d) for d in str(2 ** 1000)))
catalan = [binomial(2 * n, n) // (n + 1) for n in range(15)]
print("catalan:", catalan)
print("C(100, 50) =", binomial(100, 50))
print("C(1000, 500) mod 1e9+7 =", binomial(1000, 500) % (10**9 + 7))
for p in [5, 7, 11, 13, 12]:
    print(p, "wilson:", (factorial(p - 1) + 1) % p == 0)
x = factorial(30)
print(x // 7 ** 10, x % 7 ** 10, -x // 10 ** 20, divmod(-x, 10 ** 15))
print(f"{factorial(25):,}", f"{factorial(20):e}", f"{factorial(22) / factorial(20):.1f}")
print(hex(factorial(20)), bin(factorial(10)), oct(2 ** 64), int("ff" * 10, 16))
