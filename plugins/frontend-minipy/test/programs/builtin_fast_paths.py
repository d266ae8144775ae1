# abs(), float() and int() of one argument have fast paths for small ints and floats; the
# host does bools, bigints, strings and the errors.
for v in [0, 5, -5, 1073741823, -1073741823, -1073741824, 0.0, -0.0, 2.5, -2.5, 1e300,
          -float("inf"), float("nan"), True, False, 2 ** 40, -(2 ** 40)]:
    print(repr(v), abs(v), float(v), abs(-v) if v == v else "nan")

for v in [0.0, -0.0, 0.4, -0.4, 0.5, -0.999, 1.5, -1.5, 1e9, -1e9, 1073741823.9,
          1073741824.0, -1073741824.0, -1073741824.5, -1073741825.0, 2.0 ** 31, 1e20,
          -1e20, 12345678901234567890.0, 5, -5, True, False, 2 ** 70]:
    print(repr(v), int(v))

x = 3
print(float(x) is float(x), int(7) + 1, float(-0), int(-0.0), abs(-0), float(float(2)))
print(int("  42 "), float("1e3"), float(" -inf "), int("-7"), abs(-7.25))


def attempt(f, v):
    try:
        return f(v)
    except ValueError as e:
        return "ValueError: " + str(e)
    except OverflowError as e:
        return "OverflowError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e)


def to_int(v):
    return int(v)


def to_float(v):
    return float(v)


def absolute(v):
    return abs(v)


print(attempt(to_int, float("nan")), attempt(to_int, float("inf")), attempt(to_int, -float("inf")))
print(attempt(to_float, 10 ** 400), attempt(to_float, "x1"), attempt(absolute, "s"), attempt(to_int, [1]))

total = 0
ftotal = 0.0
for i in range(-50, 50):
    total += abs(i) + int(i / 3)
    ftotal += abs(i * 0.25) + float(i)
print(total, ftotal)
