# Tic-tac-toe: win detection, a minimax player from mid-game positions, and a game
# between minimax and a first-free-square player.
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def winner(b):
    for i, j, k in LINES:
        if b[i] != " " and b[i] == b[j] == b[k]:
            return b[i]
    return None


def minimax(b, player):
    w = winner(b)
    if w:
        return (1 if w == "X" else -1), None
    free = [i for i in range(9) if b[i] == " "]
    if not free:
        return 0, None
    best = None
    for i in free:
        b[i] = player
        score, _ = minimax(b, "O" if player == "X" else "X")
        b[i] = " "
        if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
            best = (score, i)
    return best


def show(b):
    return "\n".join(" | ".join(b[r * 3:r * 3 + 3]) for r in range(3))


positions = ["XO X  O  ", "XX OO  O ", "XO  O X X", "OX X O  X"]
for p in positions:
    board = list(p)
    turn = "X" if board.count("X") <= board.count("O") else "O"
    score, move = minimax(board, turn)
    print(f"{p!r}: {turn} to move, best square {move}, value {score}")
board = list("XO  O  X ")
turn = "X"
while winner(board) is None and " " in board:
    if turn == "X":
        _, move = minimax(board, "X")
    else:
        move = board.index(" ")
    board[move] = turn
    turn = "O" if turn == "X" else "X"
print(show(board))
print("winner:", winner(board) or "draw")
