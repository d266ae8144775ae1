ages = {"alice": 31, "bob": 25}
ages["carol"] = 40
ages["alice"] = 32
print(ages, len(ages), ages["bob"])
print(ages.get("dave"), ages.get("dave", 0), "bob" in ages, "x" not in ages)
print(list(ages.keys()), list(ages.values()), list(ages.items()))
print(ages.keys(), ages.values(), ages.items())
for name, age in ages.items():
    print(name, age)
print(ages.pop("bob"), ages)
print(ages.setdefault("eve", 1), ages.setdefault("eve", 2), ages)
del ages["alice"]
print(ages)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
mixed = {1: "int", 2.5: "float", (1, 2): "tuple", "s": None, True: "bool"}
print(mixed, mixed[1.0], mixed[(1, 2)])
d2 = dict(counts)
d2["z"] = 0
print(d2 == counts, len(d2))
