def bubble(xs):
    xs = xs.copy()
    n = len(xs)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swapped = True
        if not swapped:
            break
    return xs


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left = merge_sort(xs[:mid])
    right = merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


data = [5, 3, 8, 1, 9, 2, 7, 3, 0, -4, 12]
print(bubble(data))
print(merge_sort(data))
print(data)
print(merge_sort(["pear", "apple", "fig", "banana"]))
print(sorted([2.5, 1, -3.5, 2]))
