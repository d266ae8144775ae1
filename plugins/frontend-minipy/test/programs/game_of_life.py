# Conway's game of life on a small torus: a glider and a blinker, with population counts.
def step(grid):
    rows, cols = len(grid), len(grid[0])
    new = []
    for r in range(rows):
        row = []
        for c in range(cols):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr or dc:
                        n += grid[(r + dr) % rows][(c + dc) % cols]
            alive = grid[r][c]
            row.append(1 if n == 3 or (alive and n == 2) else 0)
        new.append(row)
    return new


def show(grid):
    return "\n".join("".join("#" if x else "." for x in row) for row in grid)


def parse(picture):
    return [[1 if ch == "#" else 0 for ch in line] for line in picture.strip().split("\n")]


grid = parse("""
.#........
..#.......
###.......
..........
......###.
..........
..........
""")
history = []
for gen in range(9):
    pop = sum(sum(row) for row in grid)
    history.append(pop)
    if gen % 4 == 0:
        print(f"generation {gen}, population {pop}")
        print(show(grid))
    grid = step(grid)
print("populations:", history)
cells = [(r, c) for r, row in enumerate(grid) for c, x in enumerate(row) if x]
print("live cells after 9 generations:", cells)
