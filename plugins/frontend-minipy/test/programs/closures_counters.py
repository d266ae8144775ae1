# Closures: counters with nonlocal state, function factories, memoizing wrappers built
# by hand, and callbacks stored in dicts.
def make_counter(start=0, step=1):
    count = start

    def tick():
        nonlocal count
        count += step
        return count

    return tick


def make_accumulator():
    total = []

    def add(x):
        total.append(x)
        return sum(total)

    return add


def memoize(f):
    cache = {}
    calls = [0]

    def wrapper(n):
        calls[0] += 1
        if n not in cache:
            cache[n] = f(n)
        return cache[n]

    return wrapper, cache, calls


def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x

    return run


a = make_counter()
b = make_counter(100, -7)
print([a() for _ in range(5)], [b() for _ in range(4)], a())
acc = make_accumulator()
print([acc(x) for x in [3, 1, 4, 1, 5, 9, 2, 6]])
slow_calls = 0


def slow_square(n):
    global slow_calls
    slow_calls += 1
    return n * n


fast, cache, calls = memoize(slow_square)
print([fast(n % 4) for n in range(12)], "wrapper calls", calls[0], "real calls", slow_calls, cache)
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(5), compose(str, abs, inc)(-10))
handlers = {"up": lambda s: s.upper(), "rev": lambda s: s[::-1], "dup": lambda s: s + s}
for cmd in ["up", "rev", "dup", "nope"]:
    f = handlers.get(cmd, lambda s: f"<no {cmd}>")
    print(cmd, f("jitc"))
adders = [lambda x, k=k: x + k for k in range(4)]
print([f(10) for f in adders])
scale = make_counter(1, 1)
print([scale() * f(10) for f in adders], scale())
