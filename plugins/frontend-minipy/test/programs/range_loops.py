# for over range(...) compiles to a counting loop; these are the cases where that must still
# behave as iterating a range object does.
for i in range(4):
    print(i, end=" ")
print()
for i in range(3, -4, -2):
    print(i, end=" ")
print()
for i in range(10, 3):
    print("never")
else:
    print("empty range runs else")

# The bounds are evaluated once; rebinding the loop variable or the bound does not matter.
n = 3
for i in range(n):
    n = 100
    print(i, n, end="; ")
    i = i * 10
print(i)

# A step whose sign is known only at run time.
for step in [1, -1, 2, -3, 1073741823, -1073741824]:
    out = []
    for k in range(-5, 6, step):
        out.append(k)
    print(step, out, len(out))

# Near the ends of the small-int range the counter must not wrap.
for k in range(1073741821, 1073741823):
    print(k, end=" ")
for k in range(-1073741821, -1073741824, -1):
    print(k, end=" ")
for k in range(1073741820, 1073741823, 1073741823):
    print(k, end=" ")
for k in range(-1073741824, 1073741823, 1073741823):
    print(k, end=" ")
print()

# break, continue and else, nested, in a function and at module level.
def search(limit):
    found = []
    for a in range(2, limit):
        for b in range(2, a):
            if a % b == 0:
                break
        else:
            found.append(a)
            continue
        if a > 20:
            break
    return found, a

print(search(30), search(3))
total = 0
for a in range(5):
    for b in range(a, 5):
        if b == 3:
            continue
        total += a * b
print(total)

# Bool arguments are ints; bad arguments raise CPython's errors.
for i in range(True, 3):
    print("bool start", i)
for i in range(False):
    print("never")



def attempt(make):
    try:
        return make()
    except TypeError as e:
        return "TypeError: " + str(e)
    except ValueError as e:
        return "ValueError: " + str(e)


def zero_step():
    for i in range(1, 5, 0):
        print(i)


def float_stop():
    for i in range(2.5):
        print(i)


def str_start():
    for i in range("a", 5):
        print(i)


print(attempt(zero_step), attempt(float_stop), attempt(str_start))

# Iterating other things: lists (appended to while iterated), tuples, strings, range
# objects, dicts.
items = [1, 2.5, "x"]
for v in items:
    if len(items) < 6:
        items.append(v)
print(items)
for v in (1, (2, 3)):
    print(v, end=" ")
for ch in "hey":
    print(ch, end=" ")
r = range(1, 10, 4)
for v in r:
    print(v, end=" ")
for k in {"a": 1, "b": 2}:
    print(k, end=" ")
print()
x = 0.0
for v in [0.5, 1.5, -2.0]:
    x = x + v * v
print(x)
try:
    for v in 5:
        print(v)
except TypeError as e:
    print("TypeError:", e)
