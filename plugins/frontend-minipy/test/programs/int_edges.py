# Integer edge cases: floor division and modulo signs, bigints, conversions.
print(2 ** 100, -2 ** 100, 2 ** 64 - 1)
print(-7 // 2, 7 // -2, -7 // -2, 7 // 2)
print(-7 % 3, 7 % -3, -7 % -3, 7 % 3)
print(divmod(-7, 2), divmod(7, -2), divmod(2 ** 70, 3))
print(int(-3.99), int(3.99), int('42'), int(' -17 '), int(True))
print(2 ** -1, 2 ** -2, (-2) ** 3, 0 ** 0)
big = 1
for i in range(1, 30):
    big = big * i
print(big, big // 10 ** 20, big % 1000007)
print(1073741823 + 1, -1073741824 - 1, 1073741823 * 2, 65536 * 65536)
print(-(-1073741824), abs(-1073741824), abs(-5))
print(10 ** 20 // 7, -(10 ** 20) // 7, 10 ** 20 % 7, -(10 ** 20) % 7)
print(1 << 40, 2 ** 40 >> 3, 5 & 3, 5 | 3, 5 ^ 3, ~5)
print(7 / 2, -7 / 2, 10 / 5, 2 ** 100 / 2 ** 99)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2))
for x in [0, 1, -1, 7, -7, 8, -8, 1073741823, -1073741824, 12345, -12345]:
    print(x // 2, x % 2, x // 8, x % 8, x // 1024, x % 1024)
