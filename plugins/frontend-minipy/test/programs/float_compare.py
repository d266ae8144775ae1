# Comparisons of floats with small ints, bigints and bools: exact, nan unordered.
values = [0, 1, -1, 0.0, -0.0, 0.5, -0.5, 1.0, 1073741823, 1073741823.0, 1073741824,
          -1073741824, -1073741824.0, 2 ** 53, 2 ** 53 + 1, 9007199254740992.0, 1e300,
          10 ** 400, -(10 ** 400), float("inf"), float("-inf"), float("nan"), True, False]
for a in values:
    row = []
    for b in values:
        row.append(str(int(a < b)) + str(int(a <= b)) + str(int(a > b)) + str(int(a >= b)) + str(int(a == b)) + str(int(a != b)))
    print(a, " ".join(row))

nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan >= 1, 1 < nan, nan is nan)
x = 0.1 + 0.2
print(x == 0.3, x > 0.3, 1 < 1.5 < 2, 1 < 2.5 < 2, -0.0 == 0, 0 == -0.0, 0.0 < -0.0)

# Truth values of floats and lists in conditions.
for v in [0.0, -0.0, 1e-300, nan, float("inf"), [], [0.0], 0, 7, None, "", "a", (), (0,)]:
    if v:
        print(repr(v), "true")
    else:
        print(repr(v), "false")
print(not 0.0, not nan, bool(-0.0), 0.0 or 5, 2.5 and 0.0)
n = 10
count = 0
while n > 0.5:
    n = n / 2
    count += 1
print(n, count)
