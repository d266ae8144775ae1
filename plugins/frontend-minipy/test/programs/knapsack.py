# 0/1 knapsack and coin change by dynamic programming, with the chosen items.
def knapsack(items, capacity):
    best = [[0] * (capacity + 1) for _ in range(len(items) + 1)]
    for i, (name, weight, value) in enumerate(items, 1):
        for c in range(capacity + 1):
            best[i][c] = best[i - 1][c]
            if weight <= c and best[i - 1][c - weight] + value > best[i][c]:
                best[i][c] = best[i - 1][c - weight] + value
    chosen = []
    c = capacity
    for i in range(len(items), 0, -1):
        if best[i][c] != best[i - 1][c]:
            name, weight, value = items[i - 1]
            chosen.append(name)
            c -= weight
    return best[len(items)][capacity], sorted(chosen)


def coin_change(coins, amount):
    ways = [1] + [0] * amount
    fewest = [0] + [None] * amount
    for coin in coins:
        for a in range(coin, amount + 1):
            ways[a] += ways[a - coin]
    for a in range(1, amount + 1):
        options = [fewest[a - c] + 1 for c in coins if c <= a and fewest[a - c] is not None]
        fewest[a] = min(options) if options else None
    return ways[amount], fewest[amount]


items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40)]
for cap in [0, 50, 100, 200, 400]:
    value, chosen = knapsack(items, cap)
    print(f"capacity {cap:3d}: value {value:4d} with {', '.join(chosen) or 'nothing'}")

for coins, amount in [([1, 2, 5], 11), ([2], 3), ([3, 7], 25), ([1, 5, 10, 25, 50], 100)]:
    ways, fewest = coin_change(coins, amount)
    print(f"{amount} from {coins}: {ways} ways, fewest coins {fewest}")
