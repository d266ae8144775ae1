# Sudoku: validating rows, columns and boxes, reporting conflicts, and filling the
# singles of a nearly solved grid.
GRID = """
534678912
672195348
198342567
859761423
426853791
713924856
961537284
287419635
345286179
"""


def parse(text):
    return [[int(ch) for ch in line] for line in text.split()]


def units(g):
    rows = [("row", r, [g[r][c] for c in range(9)]) for r in range(9)]
    cols = [("column", c, [g[r][c] for r in range(9)]) for c in range(9)]
    boxes = [("box", b, [g[3 * (b // 3) + i][3 * (b % 3) + j] for i in range(3) for j in range(3)]) for b in range(9)]
    return rows + cols + boxes


def problems(g):
    out = []
    for kind, index, values in units(g):
        filled = [v for v in values if v]
        dupes = sorted(find_dupes(filled))
        if dupes:
            out.append(f"{kind} {index}: repeated {dupes}")
    return out


def find_dupes(values):
    seen = []
    dupes = []
    for v in values:
        if v in seen and v not in dupes:
            dupes.append(v)
        seen.append(v)
    return dupes


def fill_singles(g):
    changed = True
    steps = 0
    while changed:
        changed = False
        for r in range(9):
            for c in range(9):
                if g[r][c] == 0:
                    used = g[r] + [g[i][c] for i in range(9)]
                    used += [g[3 * (r // 3) + i][3 * (c // 3) + j] for i in range(3) for j in range(3)]
                    options = [v for v in range(1, 10) if v not in used]
                    if len(options) == 1:
                        g[r][c] = options[0]
                        steps += 1
                        changed = True
    return steps


g = parse(GRID)
print("valid grid problems:", problems(g))
bad = [row[:] for row in g]
bad[0][0], bad[4][4] = 9, 9
for p in problems(bad):
    print(p)
holes = [row[:] for row in g]
for r, c in [(0, 0), (0, 1), (1, 1), (4, 4), (8, 8), (8, 0), (3, 5), (5, 3), (2, 2)]:
    holes[r][c] = 0
print("holes:", sum(row.count(0) for row in holes))
print("filled", fill_singles(holes), "cells; solved again:", holes == g)
print("\n".join("".join(str(v) for v in row) for row in holes[:3]))
