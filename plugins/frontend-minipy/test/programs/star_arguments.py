# Calls with *iterable arguments: vectors and points built from lists, variadic helpers,
# printing rows, and the errors CPython gives for bad unpacking.
def dot(*components):
    half = len(components) // 2
    return sum(a * b for a, b in zip(components[:half], components[half:]))


def describe(name, *scores):
    if not scores:
        return f"{name}: no scores"
    total = sum(scores)
    return f"{name}: {len(scores)} scores, total {total}, best {max(*scores) if len(scores) > 1 else scores[0]}"


class Point:
    def __init__(self, x, y, z=0):
        self.x, self.y, self.z = x, y, z

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.z})"


rows = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
for row in rows:
    print(*row, sep=" | ")
print(*[x * x for x in range(6)])
print(*"abc", *range(3), sep=",", end=".\n")
print(dot(*[1, 2, 3], *[4, 5, 6]), dot(*range(4)))
points = [Point(*p) for p in [(1, 2), (3, 4, 5), [6, 7]]]
print(points)
print(describe("ann", *[90, 85, 77]), describe("bob", *()), describe("cy", *{7: "x"}))
columns = list(zip(*rows))
print(columns, [sum(c) for c in zip(*rows)])
args = ("z", 3)
print(describe(*args), describe(*args, *[4, 5]))
for bad in [(1,), 5, None]:
    try:
        print(Point(*bad))
    except TypeError as e:
        print("TypeError:", e)
f = lambda a, b=2, *rest: (a, b, rest)
print(f(*[1]), f(*[1, 2, 3, 4]), f(*"xy"))
