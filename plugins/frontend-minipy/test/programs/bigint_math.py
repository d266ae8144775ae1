def power_mod(b, e, m):
    result = 1
    b %= m
    while e > 0:
        if e & 1:
            result = result * b % m
        b = b * b % m
        e >>= 1
    return result


print(power_mod(3, 10 ** 18, 10 ** 9 + 7))
print(2 ** 200 - 3 ** 120, -(2 ** 65) // 3, -(2 ** 65) % 3)
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(str(f)[:10], len(str(f)), int(str(f)) == f)
x = 12345678901234567890
print(x * x, x - x, x // 123456789, x % 97, -x // 7)
print(float(2 ** 70), 2 ** 70 / 3, 10 ** 30 == 10.0 ** 30)
print(2 ** 64 > 1.5e19, 2 ** 64 < 1e20, abs(-(10 ** 25)))
