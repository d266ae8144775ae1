moves = []


def hanoi(n, src, dst, via):
    if n == 0:
        return 0
    c = hanoi(n - 1, src, via, dst)
    moves.append((src, dst))
    return c + 1 + hanoi(n - 1, via, dst, src)


print(hanoi(4, "A", "C", "B"))
print(moves[:5], len(moves))
print(hanoi(10, 1, 3, 2))
