# Binary search variants over sorted data, with a small test table.
def lower_bound(xs, target):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def upper_bound(xs, target):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] <= target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def count_of(xs, target):
    return upper_bound(xs, target) - lower_bound(xs, target)


def search(xs, target):
    i = lower_bound(xs, target)
    if i < len(xs) and xs[i] == target:
        return i
    raise ValueError(f"{target} is not in the list")


data = sorted([(i * 37) % 23 for i in range(40)])
print(data)
for t in [0, 5, 11, 22, 23, -1]:
    print(f"{t:>3}: lower={lower_bound(data, t):2d} upper={upper_bound(data, t):2d} count={count_of(data, t)}")

words = sorted("the quick brown fox jumps over the lazy dog".split())
print(words)
for w in ["fox", "the", "cat", "zebra"]:
    try:
        print(w, "at", search(words, w))
    except ValueError as e:
        print("error:", e)


def isqrt(n):
    lo, hi = 0, n + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid
    return lo


for n in [0, 1, 15, 16, 10**20, 2**127 - 1]:
    r = isqrt(n)
    assert r * r <= n < (r + 1) * (r + 1)
    print(n, r)
