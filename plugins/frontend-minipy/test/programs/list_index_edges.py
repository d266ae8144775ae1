# List indexing at the edges: negative indices from the end, one past either end, an
# empty list, a bool index; reading and assigning (the inline path and the runtime agree).
a = [10, 20, 30]
for i in range(-4, 4):
    try:
        print(i, a[i])
    except IndexError as e:
        print(i, "IndexError", e)
for i in range(-4, 4):
    try:
        a[i] = i * 2
        print(a)
    except IndexError as e:
        print(i, "IndexError", e)
b = []
for i in [-1, 0, 1]:
    try:
        print(b[i])
    except IndexError as e:
        print("empty", i, e)
print(a[-1], a[-3], a[2], a[True])
a[0] = 7
a[2] += 5
a[-2] += 1
print(a[0], a[1], a[2], a)
for f in [lambda: a[3], lambda: a[-4], lambda: b[0]]:
    try:
        print(f())
    except IndexError as e:
        print("literal", e)
try:
    a[3] = 1
except IndexError as e:
    print("assign", e)
try:
    a[3] += 1
except IndexError as e:
    print("augmented", e)
