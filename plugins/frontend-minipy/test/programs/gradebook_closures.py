# A grade book: comprehensions, generator expressions, lambdas, closures with nonlocal.
students = {
    "ana": [88, 92, 79, 95],
    "ben": [72, 65, 80, 70],
    "cleo": [95, 98, 100, 91],
    "dev": [55, 61, 48, 70],
    "eve": [83, 87, 90, 78],
}


def mean(xs):
    return sum(xs) / len(xs)


averages = {name: mean(scores) for name, scores in students.items()}
passing = [name for name, avg in averages.items() if avg >= 70]
print("averages:", {k: round(v, 2) for k, v in averages.items()})
print("passing:", passing)
print("best single score:", max(s for scores in students.values() for s in scores))
print("all above 40:", all(s > 40 for scores in students.values() for s in scores))
print("any perfect:", any(s == 100 for scores in students.values() for s in scores))
print("sum of squares of firsts:", sum(scores[0] ** 2 for scores in students.values()))


def letter_grader(cutoffs):
    def grade(avg):
        for limit, letter in cutoffs:
            if avg >= limit:
                return letter
        return "F"
    return grade


grade = letter_grader([(90, "A"), (80, "B"), (70, "C"), (60, "D")])
report = [f"{name:>5}: {avg:6.2f} {grade(avg)}" for name, avg in averages.items()]
for line in report:
    print(line)


def make_tally():
    counts = {}
    total = 0

    def add(letter):
        nonlocal total
        counts[letter] = counts.get(letter, 0) + 1
        total += 1
        return total

    def summary():
        return ", ".join(f"{k}={v}" for k, v in counts.items()) + f" (n={total})"

    return add, summary


add, summary = make_tally()
for avg in averages.values():
    add(grade(avg))
print("tally:", summary())


def memoize(f):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]

    return wrapper


calls = 0


def slow_fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)


fib = memoize(slow_fib)
print("fib(60) =", fib(60), "calls:", calls)

scale = lambda k: (lambda x: x * k)
triple = scale(3)
curve = [triple(s) // 3 + 5 for s in students["dev"]]
print("curved dev:", curve, "->", grade(mean(curve)))
grid = [[r * c for c in range(1, 5)] for r in range(1, 4)]
print("grid:", grid, "diagonal:", [grid[i][i] for i in range(3)])
flat = [x for row in grid for x in row if x % 2 == 0]
print("even cells:", flat, "x =", [x for x in "shadow"][0])
pairs = [(a, b) for a in range(4) for b in range(a) if (a + b) % 2 == 1]
print("pairs:", pairs)
counters = [make_tally() for _ in range(2)]
counters[0][0]("A")
counters[0][0]("B")
counters[1][0]("C")
print([s() for _, s in counters])
