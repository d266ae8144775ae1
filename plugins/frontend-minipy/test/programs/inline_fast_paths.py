# The compiler's in-line fast paths (issue 16) at their edges: small-int arithmetic and
# comparisons around overflow, `a * b % m` with a literal m, floats known statically
# (unboxed locals, defs returning floats, inlined one-expression defs), list items, and
# locals read where they may be unbound.


def ops(a, b):
    out = []
    for op in range(5):
        try:
            if op == 0:
                out.append(a + b)
            elif op == 1:
                out.append(a - b)
            elif op == 2:
                out.append(a * b)
            elif op == 3:
                out.append(a // b)
            else:
                out.append(a % b)
        except ZeroDivisionError as e:
            out.append("ZeroDivisionError: " + str(e))
        except TypeError as e:
            out.append("TypeError: " + str(e))
    try:
        out.append([a == b, a != b, a < b, a <= b, a > b, a >= b])
    except TypeError as e:
        out.append("TypeError: " + str(e))
    try:
        out.append((a * b % 7, a * b % 46340, a * b % 1))
    except TypeError as e:
        out.append("TypeError: " + str(e))
    return out


INTS = [0, 1, -1, 7, -7, 1073741823, -1073741824, 46341, -46341, 65536, 10 ** 12, -(10 ** 12)]
OTHERS = [2.5, -0.0, True, None, float("nan"), 1e300]
for a in INTS:
    for b in INTS:
        print(a, b, ops(a, b))
for a in OTHERS:
    for b in [3, -2.0, False, 2.5, float("nan")]:
        print(a, b, ops(a, b))


def half(x):
    return x / 2


def area(w, h):
    return w * h * 0.5


def mix(a, b):
    out = []
    for op in range(4):
        try:
            s = 0.5
            if op == 0:
                s = s + a * b
            elif op == 1:
                s = s - a / b
            elif op == 2:
                s = -s * a - b
            else:
                s += a / b + area(a, 2)
            out.append(s)
        except ZeroDivisionError as e:
            out.append("ZeroDivisionError: " + str(e))
        except TypeError as e:
            out.append("TypeError: " + str(e))
        except OverflowError as e:
            out.append("OverflowError: " + str(e))
    return out


FLOATS = [0, -3, 2.5, -0.0, True, 10 ** 30, 10 ** 400, None, 1e308, float("inf"), float("nan"), 1073741823]
for a in FLOATS:
    for b in FLOATS:
        print(repr(a)[:12], repr(b)[:12], mix(a, b))
for v in [3, 2 ** 80, 1.5, True]:
    print(half(v), area(v, v))
print(mix(2, "s"), mix("s", 2.0))


def running(xs):
    t = 0.0
    u = 1.0
    for x in xs:
        t += x
        u = u * 1.5 - t
        if t > 100:
            break
    return t, u, [t, u], str(t)


print(running([1, 2.5, 3, 200, 5]))


def maybe(flag, n):
    if flag:
        z = 2.0
        k = 1
    while n > 0:
        w = n
        n = n - 1
    try:
        return z * 2 + k + w
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(maybe(True, 3), maybe(False, 3), maybe(True, 0))


def depth(n):
    if n == 0:
        return half(3)
    return depth(n - 1)


print(depth(900))
try:
    print(depth(2000))
except RecursionError as e:
    print("RecursionError:", e)

xs = [1, 2.5, "a", None]
for i in [0, 3, -1, -4, -5, 4, True, 2 ** 40]:
    try:
        print(xs[i])
    except IndexError as e:
        print("IndexError:", e)
ys = [0] * 5
ys[-1] += 3
ys[2] = ys[-1] * 2
ys[True] = half(ys[2])
print(ys, (1, 2)[1], "hello"[-2])
