# Polynomials as a class over integer coefficient lists: add, multiply, evaluate (Horner),
# derivative, division with remainder, printed like a maths textbook.
class Poly:
    def __init__(self, coeffs):
        coeffs = list(coeffs)
        while coeffs and coeffs[-1] == 0:
            coeffs.pop()
        self.coeffs = coeffs

    def degree(self):
        return len(self.coeffs) - 1

    def add(self, other):
        n = max(len(self.coeffs), len(other.coeffs))
        a = self.coeffs + [0] * (n - len(self.coeffs))
        b = other.coeffs + [0] * (n - len(other.coeffs))
        return Poly([x + y for x, y in zip(a, b)])

    def mul(self, other):
        out = [0] * (len(self.coeffs) + len(other.coeffs))
        for i, a in enumerate(self.coeffs):
            for j, b in enumerate(other.coeffs):
                out[i + j] += a * b
        return Poly(out)

    def at(self, x):
        acc = 0
        for c in reversed(self.coeffs):
            acc = acc * x + c
        return acc

    def derivative(self):
        return Poly([i * c for i, c in enumerate(self.coeffs)][1:])

    def divmod_by(self, d):
        if not d.coeffs:
            raise ZeroDivisionError("polynomial division by zero")
        rem = self.coeffs[:]
        q = [0] * max(1, len(rem) - len(d.coeffs) + 1)
        while len(rem) >= len(d.coeffs) and rem:
            shift = len(rem) - len(d.coeffs)
            factor = rem[-1] // d.coeffs[-1]
            q[shift] = factor
            for i, c in enumerate(d.coeffs):
                rem[i + shift] -= factor * c
            while rem and rem[-1] == 0:
                rem.pop()
        return Poly(q), Poly(rem)

    def __eq__(self, other):
        return self.coeffs == other.coeffs

    def __str__(self):
        if not self.coeffs:
            return "0"
        terms = []
        for i in range(len(self.coeffs) - 1, -1, -1):
            c = self.coeffs[i]
            if c == 0:
                continue
            sign = "-" if c < 0 else "+"
            mag = abs(c)
            body = ("" if mag == 1 and i else str(mag)) + ("x" if i else "") + (f"^{i}" if i > 1 else "")
            terms.append(f"{sign} {body}")
        text = " ".join(terms)
        return text[2:] if text.startswith("+") else "-" + text[2:]


p = Poly([-1, 0, 1])
q = Poly([1, 1])
print("p =", p, "| q =", q)
print("p + q =", p.add(q))
print("p * q =", p.mul(q))
print("p(3) =", p.at(3), "q(-1) =", q.at(-1))
print("d/dx (p*q) =", p.mul(q).derivative())
quot, rem = p.divmod_by(q)
print("p / q =", quot, "remainder", rem)
big = Poly([1, 1])
for _ in range(5):
    big = big.mul(Poly([1, 1]))
print("(x + 1)^6 =", big, "at x=10:", big.at(10))
print(big.divmod_by(Poly([1, 1]))[0] == Poly([1, 5, 10, 10, 5, 1]))
try:
    p.divmod_by(Poly([0]))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(Poly([3, -2, 0, 5]).at(2 ** 40))
