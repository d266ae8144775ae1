a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[2], a[-2])
a.append(5)
a.insert(0, 10)
a.extend([7, 7])
print(a)
print(a.pop(), a.pop(0), a)
print(a.index(9), a.count(1) if False else 0)
b = a.copy()
b.reverse()
print(a, b)
a[1] = 100
del a[0]
print(a, b[1:4], a[:-1])
print([1, 2] + [3], [0] * 5, [] == [], [1, [2, 3]] == [1, [2, 3]])
print(sorted(a), min(a), max(a), sum(a))
grid = []
for i in range(3):
    row = []
    for j in range(3):
        row.append(i * 3 + j)
    grid.append(row)
print(grid, grid[1][2])
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0])
