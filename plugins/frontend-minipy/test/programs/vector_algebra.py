# Operator special methods: 2-D vectors and fractions with arithmetic, comparisons and hashing.


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac with zero denominator")
        g = gcd(n, d) * (1 if d > 0 else -1)
        self.n = n // g
        self.d = d // g

    def _coerce(self, o):
        if isinstance(o, Frac):
            return o
        if isinstance(o, int):
            return Frac(o)
        return None

    def __add__(self, o):
        o = self._coerce(o)
        if o is None:
            return NotImplemented
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)

    def __radd__(self, o):
        return self + o

    def __sub__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else Frac(self.n * o.d - o.n * self.d, self.d * o.d)

    def __rsub__(self, o):
        return Frac(o) - self

    def __mul__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is None else Frac(self.n * o.n, self.d * o.d)

    def __rmul__(self, o):
        return self * o

    def __truediv__(self, o):
        o = self._coerce(o)
        return Frac(self.n * o.d, self.d * o.n)

    def __neg__(self):
        return Frac(-self.n, self.d)

    def __eq__(self, o):
        o = self._coerce(o)
        return o is not None and self.n == o.n and self.d == o.d

    def __lt__(self, o):
        o = self._coerce(o)
        return self.n * o.d < o.n * self.d

    def __le__(self, o):
        return self == o or self < o

    def __hash__(self):
        return hash((self.n, self.d))

    def __repr__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else str(self.n)


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


half, third = Frac(1, 2), Frac(1, 3)
print(half + third, half - third, half * third, half / third, -half, 1 + half, 2 - third, 3 * third)
print(sum([Frac(1, k) for k in range(1, 7)]), sum([half, half], Frac(0)))
print(half == Frac(2, 4), half != third, third < half, half <= Frac(1, 2), half > third, half >= third)
print(sorted([Frac(3, 4), Frac(-1, 2), Frac(2, 3), Frac(0)]), max(Frac(1, 9), Frac(1, 8)), min([half, third]))
print(half == 0.5, half == "1/2", Frac(4, 2) == 2, 2 == Frac(4, 2))
seen = {Frac(1, 2): "half", Frac(2, 3): "two thirds"}
print(seen[Frac(2, 4)], Frac(4, 6) in seen, Frac(1, 5) in seen, len({Frac(k, 2 * k) for k in range(1, 5)}))
seen[Frac(3, 6)] = "still half"
print(seen, hash(Frac(1, 2)) == hash((1, 2)))

pos = Vec(0, 0)
steps = [Vec(1, 2), Vec(3, -1), Vec(-2, 2), Vec(1, 2)]
visited = {pos}
for s in steps:
    pos += s
    visited.add(Vec(pos.x, pos.y))
print(pos, len(visited), Vec(2, 1) in visited, Vec(9, 9) in visited)
print(2 * Vec(1, 3), Vec(7, 5) // 2, Vec(7, -5) % 3, Vec(1, 1) - Vec(2, 3), steps.count(Vec(1, 2)) if False else 0)
counts = {}
for s in steps:
    counts[s] = counts.get(s, 0) + 1
print(counts)
for bad in [lambda: half + "x", lambda: "x" * Vec(1, 1), lambda: Vec(1, 1) < Vec(2, 2), lambda: -Vec(1, 1),
            lambda: Frac(1, 0), lambda: half ** 2]:
    try:
        print(bad())
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ if False else "error:", e)
