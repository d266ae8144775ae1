# Making change: greedy versus optimal (dynamic programming) for several coin systems,
# finding the smallest amount where greedy fails, and listing all ways for small sums.
def greedy(coins, amount):
    used = []
    for c in sorted(coins, reverse=True):
        while amount >= c:
            amount -= c
            used.append(c)
    return used if amount == 0 else None


def optimal_table(coins, amount):
    best = [[]] + [None] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] is not None:
                cand = best[a - c] + [c]
                if best[a] is None or len(cand) < len(best[a]):
                    best[a] = cand
    return [sorted(b, reverse=True) if b is not None else None for b in best]


def optimal(coins, amount):
    return optimal_table(coins, amount)[amount]


def all_ways(coins, amount, smallest=0):
    if amount == 0:
        return [[]]
    out = []
    for i in range(smallest, len(coins)):
        c = coins[i]
        if c <= amount:
            for rest in all_ways(coins, amount - c, i):
                out.append([c] + rest)
    return out


systems = {"euro": [1, 2, 5, 10, 20, 50], "old uk": [1, 3, 6, 12, 24, 30], "odd": [1, 7, 10], "no ones": [4, 9]}
for name, coins in systems.items():
    first_fail = None
    table = optimal_table(coins, 60)
    for amount in range(1, 61):
        g = greedy(coins, amount)
        o = table[amount]
        if o is not None and (g is None or len(g) > len(o)):
            first_fail = (amount, g, o)
            break
    if first_fail:
        amount, g, o = first_fail
        print(f"{name:>8}: greedy fails at {amount}: {g} vs {o}")
    else:
        print(f"{name:>8}: greedy is optimal up to 60")
for amount in [6, 10]:
    ways = all_ways([1, 2, 5], amount)
    print(f"{amount}: {len(ways)} ways, e.g. {ways[:3]} ... {ways[-1]}")
print(optimal([4, 9], 11), optimal([4, 9], 35), greedy([4, 9], 35))
