# a ** b: exact ints, and floats as C's pow() computes them, which is not always the
# correctly rounded x * x or sqrt(x) (the runtime's fast path must know when it is).
print(2 ** 10, 2 ** 0, 0 ** 0, 0 ** 5, (-2) ** 3, (-2) ** 4, 1 ** 1000000, (-1) ** 1000001)
print(2 ** 29, 2 ** 30, 2 ** 31, (-2) ** 30, (-2) ** 31, 3 ** 19, 3 ** 20, 46341 ** 2, 10 ** 9, 10 ** 10)
print(7 ** -2, 2 ** -1, 2 ** -2, 10 ** -3, (-3) ** -3, 1 ** -5, 3 ** -40, 2 ** -1074, 2 ** -1080)
print(True ** 2, 2 ** True, False ** 0, 2.0 ** True, True ** 0.5)
print(2 ** 2.0, 2.0 ** 2, 4 ** 0.5, 2 ** 0.5, 9.0 ** 0.5, 1.0 ** 0.5, 0.25 ** 0.5, 1e-300 ** 0.5)
print(139.44117809385492 ** 2, 139.44117809385492 * 139.44117809385492)
print(952.4673882682695 ** 0.5, 9.367729822126825e-169 ** 0.5, 1.2984246749437925e+169 ** 0.5)
print((-1.5) ** 2, (-1.5) ** 3, (-2.0) ** 0.0, (-0.0) ** 0.5, 0.0 ** 0.5, 0.0 ** 2, (-0.0) ** 3)
inf = float("inf")
nan = float("nan")
print(inf ** 2, (-inf) ** 2, inf ** 0.5, inf ** -1, (-inf) ** 3, (-inf) ** -3, nan ** 0, nan ** 2, 1 ** nan, 1.0 ** inf)
print(1e200 ** 0.5, 1e-200 ** 2, 1e150 ** 2 if False else 0, 5e-324 ** 0.5, 1.7976931348623157e308 ** 0.5)
print(2.0 ** -1074, 2.0 ** 1023, 0.5 ** 1074, 10.0 ** 308, 10 ** 0.5, 1e-320 ** 2)

def attempt(a, b):
    try:
        return a ** b
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)
    except OverflowError as e:
        return "OverflowError: " + str(e)

print(attempt(0, -1), attempt(0.0, -2), attempt(-0.0, -1.5), attempt(1e200, 2), attempt(2.0, 1024))
print(attempt(10, 400.0), attempt(1e-200, -2), attempt(10 ** 400, 0.5), attempt(-1e300, 3))

# Many squares and square roots: a few in a hundred are nearer a rounding boundary than
# the fast path certifies, and go to pow(); a few in a thousand differ from x * x or the
# correctly rounded square root (i = 87, 1079, 1445, 2921 below), and all must print as
# CPython prints them.
total = 0.0
differ = 0
for i in range(1, 3000):
    x = i * 0.731 + i / 7
    s = x ** 2
    r = x ** 0.5
    if s != x * x:
        differ += 1
    if i % 250 == 0 or i == 87 or i == 1079 or i == 1445 or i == 2921:
        print(i, x, s, r, (i * 1.0) ** 0.5, i ** 0.5, x * x)
    total = total + s - r * 1000 + (i * 1.0) ** 0.5
print(total, differ)
for e in range(-150, 151, 25):
    x = 1.2345678901234567 * 10.0 ** e
    print(x ** 2, x ** 0.5, (-x) ** 2)
