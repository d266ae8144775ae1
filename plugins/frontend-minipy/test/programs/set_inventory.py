# Sets: displays, comprehensions, set()/frozenset(), the operators and methods, and the
# order CPython's table gives small ints (printed directly; strings go through sorted()).
import sys

stock = {"apple", "pear", "fig", "kiwi"}
wanted = ["fig", "plum", "apple", "lime", "fig"]
have = stock & set(wanted)
missing = set(wanted) - stock
print(sorted(have), sorted(missing), len(set(wanted)))
print(sorted(stock | missing), sorted(stock ^ set(wanted)))

primes = {n for n in range(2, 60) if all(n % d for d in range(2, n))}
odds = set(range(1, 60, 2))
print(primes)
print(primes - odds, primes & {2, 3, 5, 7}, {17, 3, 4, 5, 6})
print(odds - primes)
squares = {i * i % 64 for i in range(40)}
print(squares, len(squares))
print({-1, -2, 10, 2**40, -5}, {0, 8, 16, 24, 32})

seen = set()
order = []
for x in [5, 3, 5, 9, 3, 1, 64, 9, 128]:
    if x not in seen:
        seen.add(x)
        order.append(x)
print(order, seen)
seen.discard(3)
seen.discard(1000)
seen.remove(5)
try:
    seen.remove(5)
except KeyError as e:
    print("KeyError:", e)
popped = [seen.pop() for _ in range(2)]
print(popped, seen)

a = set(range(0, 30, 3))
b = set(range(0, 30, 5))
a |= {100, 200}
b -= {0}
a ^= {3, 4}
print(a, b)
a &= b | {6, 9, 100}
print(a, a <= b, {6} < a, a == {15, 100, 6, 9}, a != set())
print(a.union([1, 2], (3,)), a.intersection(range(10)), a.difference([6, 9]))
print(a.issubset(range(200)), a.issuperset([6]), a.isdisjoint({1, 2}))
c = a.copy()
c.update([7, 8], {9})
c.clear()
print(c, set(), bool(c), frozenset([3, 1, 2]), frozenset())

groups = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(groups), frozenset({1, 2}) in groups, hash(frozenset({1, 2, 3})))
pairs = {(x, y) for x in range(3) for y in range(3) if x != y}
print(sorted(pairs), (0, 1) in pairs)
print(sum({1, 2, 3}), max({4, 9, 2}), sorted({3, 1, 2}, reverse=True), list({8, 0, 16}))

try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    print({1} | [2])
except TypeError as e:
    print("TypeError:", e)
words = "the quick brown fox jumps over the lazy dog".split()
letters = set("".join(words))
print(len(letters), sorted(set("aeiou") - letters), sorted({w for w in words if len(w) > 4}))
sys.exit(len(primes) - 14)
