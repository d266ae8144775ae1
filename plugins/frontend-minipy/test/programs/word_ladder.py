# Word ladders by breadth-first search over a small dictionary, anagram groups, and
# palindromes, with dicts of lists and sorted keys.
WORDS = """cold cord card ward warm word worm wore core bore bare barn born corn cord
lead load goad gold told toll tall tale tile tilt silt salt halt hale male mile mine line
stop pots tops spot opts post listen silent enlist tinsel inlets level radar civic refer
""".split()


def neighbours(word, words):
    out = []
    for i in range(len(word)):
        for c in "abcdefghijklmnopqrstuvwxyz":
            if c != word[i]:
                cand = word[:i] + c + word[i + 1:]
                if cand in words:
                    out.append(cand)
    return out


def ladder(start, goal, words):
    if start not in words or goal not in words:
        raise KeyError(f"{start if start not in words else goal} is not a word")
    prev = {start: None}
    queue = [start]
    while queue:
        w = queue.pop(0)
        if w == goal:
            path = []
            while w is not None:
                path.append(w)
                w = prev[w]
            return path[::-1]
        for n in neighbours(w, words):
            if n not in prev:
                prev[n] = w
                queue.append(n)
    return None


words = {}
for w in WORDS:
    words[w] = True
for start, goal in [("cold", "warm"), ("lead", "gold"), ("tall", "mile"), ("stop", "cold"), ("cold", "heat")]:
    try:
        path = ladder(start, goal, words)
        print(f"{start} -> {goal}:", " -> ".join(path) if path else "no ladder")
    except KeyError as e:
        print("KeyError:", e)
groups = {}
for w in WORDS:
    groups.setdefault("".join(sorted(w)), []).append(w)
for key in sorted(groups):
    if len(groups[key]) > 1:
        print(key, sorted(groups[key]))
print("palindromes:", [w for w in WORDS if w == w[::-1]])
