# N queens by backtracking: count solutions for small boards, print the first for 8.
def solve(n, first_only=False):
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    placed = []
    solutions = []

    def place(row):
        if row == n:
            solutions.append(placed[:])
            return first_only
        for c in range(n):
            if not cols[c] and not diag1[row + c] and not diag2[row - c + n]:
                cols[c] = diag1[row + c] = diag2[row - c + n] = True
                placed.append(c)
                if place(row + 1):
                    return True
                placed.pop()
                cols[c] = diag1[row + c] = diag2[row - c + n] = False
        return False

    place(0)
    return solutions


for n in range(1, 8):
    print(f"{n} queens: {len(solve(n))} solutions")
board = solve(8, first_only=True)[0]
print("first 8-queens solution:", board)
for c in board:
    print(" ".join("Q" if i == c else "." for i in range(8)))
six = solve(6)
print("6-queens solutions:", six)
mirrored = [list(reversed(s)) for s in six]
print("closed under mirroring:", all(m in six for m in mirrored))
