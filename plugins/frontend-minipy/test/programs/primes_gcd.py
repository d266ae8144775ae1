def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def lcm(a, b):
    return a * b // gcd(a, b)


acc = 1
for i in range(1, 41):
    acc = lcm(acc, i)
print(acc)
print(gcd(2 ** 80, 6 ** 40), gcd(-12, 18), gcd(0, 5))


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


count = 0
for n in range(1000):
    if is_prime(n):
        count += 1
print(count, is_prime(1000003), is_prime(2 ** 31 - 1))
