# Keyword-only parameters, **kwargs and f(**d): a tiny report formatter with options.


def fmt_row(name, *values, width=8, sep=" | ", precision=2):
    cells = [f"{name:<{width}}"]
    for v in values:
        if isinstance(v, float):
            cells.append(f"{v:>{width}.{precision}f}")
        else:
            cells.append(f"{v!s:>{width}}")
    return sep.join(cells)


def make_options(**overrides):
    options = {"width": 8, "sep": " | ", "precision": 2}
    for key, value in overrides.items():
        if key not in options:
            raise KeyError(key)
        options[key] = value
    return options


def tagged(label, *, upper=False, **attrs):
    text = label.upper() if upper else label
    if not attrs:
        return text
    parts = [f"{k}={attrs[k]!r}" for k in attrs]
    return text + "[" + ", ".join(parts) + "]"


class Table:
    def __init__(self, title, *, columns, **style):
        self.title = title
        self.columns = columns
        self.style = style
        self.rows = []

    def add(self, name, *values):
        self.rows.append((name, values))
        return self

    def render(self, **extra):
        style = dict(self.style)
        style.update(extra)
        lines = [self.title, fmt_row("", *self.columns, **style)]
        for name, values in sorted(self.rows, key=lambda r: r[0]):
            lines.append(fmt_row(name, *values, **style))
        return "\n".join(lines)


def total(*nums, start=0, scale=1):
    return (start + sum(nums)) * scale


def call_with(f, *args, **kwargs):
    return f(*args, **kwargs)


print(fmt_row("pi", 3.14159, 2, width=6))
print(fmt_row("e", 2.71828, precision=4, sep=" : "))
opts = make_options(width=5, precision=1)
print(opts)
print(fmt_row("x", 1.25, 10, **opts))
print(tagged("node"), tagged("node", upper=True), tagged("a", id=3, cls="box"))
print(tagged("b", **{"z": 1, "y": [2]}, upper=True))

t = Table("Scores", columns=("min", "max"), width=6)
t.add("carol", 2.5, 9).add("alice", 1.0, 7.75).add("bob", 3, 4)
print(t.render())
print(t.render(sep=" ", precision=0))

print(total(1, 2, 3), total(1, 2, start=10), total(scale=3), total(*[4, 5], scale=2))
print(call_with(total, 1, 2, start=1, scale=10))
print(call_with(tagged, "c", **{"upper": True, "k": None}))
lookup = {"start": 100}
print(total(1, **lookup), sorted([3, 1, 2], reverse=True), max([1, 5, 2], key=lambda v: -v))


def checked(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except TypeError as e:
        return "TypeError: " + str(e)
    except KeyError as e:
        return "KeyError: " + str(e)


print(checked(make_options, colour=1))
print(checked(tagged))
print(checked(tagged, "x", True))
print(checked(Table, "t"))
print(checked(Table, "t", ["a"]))
print(checked(total, 1, starts=2))
print(checked(lambda: fmt_row("n", width=1, **{"width": 2})))
print(checked(lambda: fmt_row("n", **{1: 2})))
print(checked(lambda: fmt_row("n", **[("a", 1)])))
print(checked(call_with, total, start=1, **{"scale": 2}))
