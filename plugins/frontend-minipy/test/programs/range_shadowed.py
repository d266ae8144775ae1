# A module-level `range` is not the builtin: `for` must call it like any function.
def range(n):
    return [n, n * 2, n * 3]


for i in range(5):
    print(i)


def local_abs(abs):
    return abs + 1


print(local_abs(-3))
