# Host functions that allocate several objects while holding others: under a moving
# collector (--gc semispace) each of them must re-read what it holds after allocating.

def f(x):
    return x + 1

def g(x):
    return x * 2

def map_str(n):
    out = []
    for i in range(n):
        out.append(str(i))
    return out

# str iteration makes one string per character
s = "moving" * 3
print(list(s))
print(tuple("abc"), sorted("hello"), "x" in "xyz", "q" in list("abc"))
print(list(reversed("stack")), sum([1.5, 2.5, 3.0], 0.5))
print(list(enumerate("abcd", 10)))
print(list(zip("abc", [1, 2, 3], "xyz")))
print(list(zip(range(3), "pq")))

# dict building, growth and views
d = dict([("a", 1), ("b", 2), "cd"])
for i in range(40):
    d[str(i)] = [i, str(i)]
print(len(d), d["c"], d["39"], d["a"])
print(list(d.items())[:5], list(d.keys())[-3:], list(d.values())[2:4])
e = d.copy()
e.update({"z": 26, "a": 100})
print(e["z"], e["a"], d["a"], len(e))
print(e.setdefault("new", [1, 2]), e.setdefault("z", 0), e.pop("new"), e.pop("gone", "default"))
m = {1: "one", 2.5: "two and a half", "k": (1, 2), (3, 4): "tuple key"}
print(m, dict(m) == m, {} == dict())
print(dict(zip("abc", range(3))))
for x, y in [("p", 1), ("q", 2)]:
    print(x, y)
a, b, c = "xyz"
print(a, b, c)

# functions and ranges as keys: hashed by value or type, never by address
fs = {f: "f", g: "g", range(3): "r3", range(0, 6, 2): "r6"}
for i in range(30):
    fs[i * 1.5] = i
print(fs[f], fs[g], fs[range(3)], fs[range(0, 6, 2)], fs[4.5], len(fs))
print(f in fs, g in fs, range(1) in fs)

# list methods that grow or shift
xs = []
for i in range(50):
    xs.append(str(i))
xs.extend("ab")
xs.extend((0.0, 0.5, 1.0))
xs.insert(0, "first")
xs.insert(-1, ["nested", 1])
xs.insert(100, "last")
print(len(xs), xs[:3], xs[-5:])
print(xs.pop(), xs.pop(0), xs.pop(3), len(xs))
xs.remove("ab" if "ab" in xs else "a")
xs.reverse()
print(xs[:4])
ys = list(map_str(20))
ys.sort()
print(ys, ys.index("5"), ys.count("7"))
print([1, 2] + [3.5, "x"], (1, "a") + (2.5,), [0.5, "s"] * 3, ("t",) * 2, "ab" * 4)
print("a,b,,c".split(","), " x y  z ".split(), "-".join(["1", "2", "3"]), "-".join("abc"))
print(divmod(17, 5), divmod(-17.5, 4), divmod(2**70, 3), [1, 2][1:], "abcdef"[::2], (1, 2, 3)[::-1])
print(sum([2**40, 2**41, 2**42]), sum(range(100)), min("hello"), max([3.5, 2, 7.25]))
big = 3**100
print(big, -big, big // 7, big % 1000, float(2**60), int("123456789012345678901234567890"))
print(repr({"k": [1, (2, 3.5)], "s": "q"}), str([None, True, 1.0]))
it = iter([10, 20, 30])
for v in it:
    print(v, list(it))
try:
    raise KeyError("missing" + str(1))
except KeyError as err:
    print("caught", err)
try:
    d["nope" + "!"]
except KeyError as err:
    print("caught", err)
