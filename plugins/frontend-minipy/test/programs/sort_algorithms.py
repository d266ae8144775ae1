# Insertion, merge, quick and heap sort, each counting comparisons; all checked against
# sorted(), and merge sort checked for stability on records.
class Counter:
    def __init__(self):
        self.n = 0

    def less(self, a, b):
        self.n += 1
        return a < b


def insertion_sort(xs, c):
    xs = xs[:]
    for i in range(1, len(xs)):
        x = xs[i]
        j = i - 1
        while j >= 0 and c.less(x, xs[j]):
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = x
    return xs


def merge_sort(xs, c, key=lambda v: v):
    if len(xs) <= 1:
        return xs[:]
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid], c, key), merge_sort(xs[mid:], c, key)
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if c.less(key(b[j]), key(a[i])):
            out.append(b[j])
            j += 1
        else:
            out.append(a[i])
            i += 1
    return out + a[i:] + b[j:]


def quick_sort(xs, c):
    if len(xs) <= 1:
        return xs[:]
    pivot = xs[len(xs) // 2]
    less = [x for x in xs if c.less(x, pivot)]
    more = [x for x in xs if c.less(pivot, x)]
    same = [x for x in xs if x == pivot]
    return quick_sort(less, c) + same + quick_sort(more, c)


def heap_sort(xs, c):
    a = xs[:]
    n = len(a)

    def sift(i, size):
        while 2 * i + 1 < size:
            child = 2 * i + 1
            if child + 1 < size and c.less(a[child], a[child + 1]):
                child += 1
            if not c.less(a[i], a[child]):
                return
            a[i], a[child] = a[child], a[i]
            i = child

    for i in range(n // 2 - 1, -1, -1):
        sift(i, n)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end)
    return a


data = [(i * 7919) % 101 - 50 for i in range(60)]
for name, sorter in [("insertion", insertion_sort), ("merge", merge_sort), ("quick", quick_sort), ("heap", heap_sort)]:
    for label, xs in [("random", data), ("sorted", sorted(data)), ("reversed", sorted(data, reverse=True))]:
        c = Counter()
        out = sorter(xs, c)
        print(f"{name:>9} {label:>8}: {c.n:5d} comparisons, correct={out == sorted(xs)}")
records = [("pear", 3), ("apple", 1), ("fig", 3), ("kiwi", 2), ("plum", 1), ("lime", 2)]
by_count = merge_sort(records, Counter(), key=lambda r: r[1])
print(by_count)
print(by_count == sorted(records, key=lambda r: r[1]))
