# + - * / and unary minus on floats mixed with small ints, bigints and bools: the runtime's
# float fast paths and the host's slow paths must agree with CPython bit for bit.
ints = [0, 1, -1, 7, -7, 1073741823, -1073741824]
floats = [0.0, -0.0, 0.5, -2.25, 1e300, -1e-300, 5e-324, float("inf"), float("-inf")]
for a in ints:
    for b in floats:
        print(a, b, a + b, b + a, a - b, b - a, a * b, b * a)
for a in floats:
    for b in floats:
        print(a, b, a + b, a - b, a * b)

# -0.0 comes out where IEEE says so.
z = -0.0
print(z + 0, 0 + z, z - 0, 0 - z, z * 5, -5 * z, -z, -(0.0), 0 * -1.5, -0 * 1.5)

# Overflow to inf and nan without an error, as CPython's float ops do.
big = 1.7976931348623157e308
print(big + big, big * 2, -big * 3, big - -big, (big * 2) - (big * 2), 0.0 * (big * 2))
nan = float("nan")
print(nan + 1, 1 - nan, nan * 0, -nan, nan != nan)

# Small ints at the edge of the 31-bit range, and results that become bigints first.
m = 1073741823
print(m + 1, m + 1.0, (m + 1) + 0.5, (m + 1) * 1.5, -m - 2, (-m - 2) - 0.5)
print(m * m, (m * m) * 1.0, 2 ** 31 * 0.5, 2 ** 64 + 0.5, 2 ** 100 - 1.0, 3 * 2 ** 62 / 7)
print(-(-1073741824), -(-1073741824) * 2.0, 10 ** 20 / 10 ** 10, (10 ** 20 + 1) / 3)

# True division: always a float, int / int correctly rounded.
for a in [1, -1, 7, -7, 10, 1073741823, -1073741824, 0]:
    for b in [1, -1, 3, -3, 7, 1073741823, -1073741824]:
        print(a / b, end=" ")
    print()
print(1 / 3.0, 2.5 / 2, -7 / 0.5, 1e308 / 1e-10, 5e-324 / 2, -1 / float("inf"))

# Bools are ints in arithmetic.
t = True
f = False
print(t + 1.5, 1.5 + t, f * 2.5, t - 0.25, t / 2, 2.5 / t, -t, -f, t * t, t + t)

# A bigint too large for a float.
try:
    print(10 ** 400 * 1.5)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(1.5 + 10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(10 ** 400 / 7)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 / 10 ** 399)

# Unsupported operands still raise CPython's TypeError.
try:
    print(1.5 + "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] * 2.0)
except TypeError as e:
    print("TypeError:", e)
try:
    print(-"x")
except TypeError as e:
    print("TypeError:", e)
print([1.5] * 2, 2 * (0.5,))
