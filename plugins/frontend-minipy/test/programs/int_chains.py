# Arithmetic chains of ints (+ - * and // % by a positive literal) over locals: the small-int
# fast path, and every way out of it (overflow to a bigint, a result past the small range,
# floats, bools, bigints, strings, an unbound local) against CPython.


def tri(i, j):
    return (i + j) * (i + j + 1) // 2 + i + 1


def mixed(a, b):
    return a * 3 - b // 7 + a % 5 - (b - a) % 4 * 2


def divisions(x):
    return x // 3 + x % 3 * 10 + x // 8 * 100 + x % 8 * 1000 + x // 1 - x % 1


print([tri(i, j) for i in range(3) for j in range(3)])
print([mixed(a, b) for a in (-7, -1, 0, 5, 12) for b in (-9, 0, 13)])
print([divisions(x) for x in range(-10, 11)])

# Overflowing a step: i32 overflow falls back to exact bigint arithmetic.
big = 1073741823
print(tri(big, big), tri(-big, -big - 1), mixed(big, -big))
print(tri(46340, 46341), tri(65536, 65536))
# Every step fits, the result does not fit a small int.
half = 536870912
print(tri(half, 0), half + half + half - 1)
# Floats, bools and bigints take the general path.
print(tri(1.5, 2), tri(True, 2), mixed(2.5, 10), tri(2**40, 3), mixed(-(2**70), 2**65))


def loop_sum(n):
    total = 0
    for i in range(-n, n):
        total = total + (i * i - 3 * i) // 4 % 5 - i % 3
    return total


print(loop_sum(100), loop_sum(0))


def order(flag):
    if flag:
        b = 2
    a = "x"
    return (a + 1) * b + 2


def order2(flag):
    if flag:
        b = 2
    a = 1
    return b * 2 + a * 3


for f in (order, order2):
    for flag in (False, True):
        try:
            print(f(flag))
        except TypeError as e:
            print("TypeError:", e)
        except UnboundLocalError as e:
            print("UnboundLocalError:", e)


def strings(s, n):
    return s * n + s * 2 * n


print(strings("ab", 2), strings([1], 1))


def gen(n):
    k = 3
    for i in range(n):
        yield i * k + k * k - i // 2


print(list(gen(5)))


def mul_mod(a, b):
    return (a * b) % 7 + a - b * b % 5


def floats(x, y):
    return x * x + y * y - x * y


print([mul_mod(a, b) for a in (-50000, -3, 0, 46341, 10**6) for b in (-7, 0, 50000)])
print(floats(1.5, -2.25), floats(3, 4), floats(2**40, 3))
