t = (1, "two", 3.0, None, True)
print(t, len(t), t[1], t[-1], t[1:3])
print((), (1,), (1, 2) + (3,), (0,) * 3)
a, (b, c) = 1, (2, 3)
print(a, b, c)
x = y = z = 7
print(x, y, z)
p = 1, 2
q, r = p
print(p, q, r, p == (1, 2), (1, 2) < (1, 3))
pairs = [(1, "a"), (2, "b")]
for num, letter in pairs:
    print(num, letter)
print(tuple([1, 2]), list((3, 4)), tuple("ab"))
print(max((3, 1), (2, 9)), min([4, 2, 8]), max(3, 7, 5))
