# Generators: a log-processing pipeline, lazy stages, infinite sources, state across yields.
def read_lines():
    log = [
        "INFO start 12",
        "WARN disk 80",
        "ERROR disk 95",
        "INFO tick 3",
        "bad line",
        "ERROR net 7",
        "INFO stop 0",
    ]
    for line in log:
        yield line

def parse(lines):
    for n, line in enumerate(lines, 1):
        parts = line.split()
        if len(parts) != 3:
            print(f"line {n}: skipped {line!r}")
            continue
        level, what, value = parts
        try:
            yield level, what, int(value)
        except ValueError:
            print("unreachable")

def only(level, records):
    for rec in records:
        if rec[0] == level:
            yield rec

def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1

def take(n, items):
    if n <= 0:
        return
    for x in items:
        yield x
        n -= 1
        if n == 0:
            return

def running_total(xs):
    total = 0
    for x in xs:
        total += x
        yield total

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node

class Countdown:
    def __init__(self, start):
        self.start = start

    def ticks(self, step=1):
        n = self.start
        while n > 0:
            yield n
            n -= step
        else:
            yield "liftoff"

def make_scaler(factor):
    def scaled(xs):
        for x in xs:
            yield x * factor
    return scaled

errors = list(only("ERROR", parse(read_lines())))
print(errors)
print(sum(v for _, _, v in parse(read_lines())))
print(sorted(parse(read_lines()), key=lambda r: -r[2])[:2])
print(list(take(5, naturals(10))), list(take(0, naturals())))
print(list(running_total(take(6, fib()))))
print(list(zip("abc", take(3, fib()))), dict(enumerate(take(3, naturals(7)))))
print(max(take(10, fib())), min(running_total([5, -2, -9, 4])))
print(list(flatten([1, [2, [3, 4], []], 5, [[6]]])))
print(list(Countdown(7).ticks(3)), list(Countdown(0).ticks()))
triple = make_scaler(3)
print(list(triple(range(4))), ", ".join(str(x) for x in triple([1.5, 2])))

gen = fib()
print(next(gen), next(gen), next(gen), next(gen))
for f in gen:
    if f > 100:
        print("first above 100:", f)
        break
print(next(gen), "then", next(gen))

a, b, c = take(3, naturals())
print(a, b, c, 3 in take(5, naturals()), 9 in take(5, naturals()))
print(any(x > 1000 for x in fib()), all(x < 5 for x in take(3, naturals())))
squares = map(lambda v: v * v, naturals(1))
print(list(zip("abc", naturals(1))), next(squares), next(squares), next(filter(lambda v: v > 50, fib())))
for i, f in enumerate(fib(), 1):
    if i == 8:
        print("the 8th Fibonacci number is", f)
        break
short = take(2, "xyz")
print(list(short), list(short), next(short, "empty"))
print([v for v in Countdown(2).ticks(2)], list(x for x in Countdown(3).ticks() if x != 2))
try:
    len(fib())
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)

def checked(xs):
    for x in xs:
        if x < 0:
            raise ValueError(f"negative: {x}")
        yield x

g = checked([3, -1, 4])
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "finished after the error"))

def firsts(iterators):
    for it in iterators:
        yield next(it)

try:
    print(list(firsts([iter([1]), iter([])])))
except RuntimeError as e:
    print("RuntimeError:", e)
last = take(1, naturals())
print(next(last))
print(next(last))
