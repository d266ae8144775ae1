print(range(5), range(1, 10, 2), list(range(5, 0, -1)), len(range(0, 100, 7)))
print(list(range(0)), list(range(-3)), 3 in range(5), 5 in range(5), range(10)[3])
r = range(2, 20, 3)
total = 0
for v in r:
    total += v
print(total, sum(range(101)), max(range(10)), min(range(3, 9)))
for i, ch in enumerate("abc"):
    print(i, ch)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)
print(list(reversed([1, 2, 3])), any([0, 0, 1]), all([1, 0]))
