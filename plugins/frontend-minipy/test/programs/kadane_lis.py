# Maximum subarray (Kadane), longest increasing subsequence (patience sorting), and
# the stock-trading problem, on a few fixed and generated sequences.
def max_subarray(xs):
    best = cur = xs[0]
    start = best_start = best_end = 0
    for i in range(1, len(xs)):
        if cur < 0:
            cur = xs[i]
            start = i
        else:
            cur += xs[i]
        if cur > best:
            best, best_start, best_end = cur, start, i
    return best, xs[best_start:best_end + 1]


def lis(xs):
    tails = []
    parent = [-1] * len(xs)
    tail_idx = []
    for i, x in enumerate(xs):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo > 0:
            parent[i] = tail_idx[lo - 1]
        if lo == len(tails):
            tails.append(x)
            tail_idx.append(i)
        else:
            tails[lo] = x
            tail_idx[lo] = i
    out = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(xs[k])
        k = parent[k]
    return out[::-1]


def best_trade(prices):
    low = prices[0]
    best = (0, None, None)
    for p in prices[1:]:
        if p - low > best[0]:
            best = (p - low, low, p)
        low = min(low, p)
    return best


def lcg(seed, n, mod):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2**31
        out.append(seed % mod - mod // 2)
    return out


samples = [[-2, 1, -3, 4, -1, 2, 1, -5, 4], [5, -9, 6, -2, 3], [-3, -1, -2], lcg(7, 30, 40)]
for xs in samples:
    total, run = max_subarray(xs)
    print(f"max subarray {total:4d}: {run}")
for xs in [[10, 9, 2, 5, 3, 7, 101, 18], [0, 8, 4, 12, 2, 10, 6, 14, 1, 9], [], lcg(3, 25, 100)]:
    seq = lis(xs)
    print(f"lis of length {len(seq)}: {seq}")
print(best_trade([7, 1, 5, 3, 6, 4]), best_trade([7, 6, 4, 3, 1]), best_trade([abs(x) for x in lcg(11, 20, 90)]))
