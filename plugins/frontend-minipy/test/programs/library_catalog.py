# A library catalog: sorting with keys, min/max with key, map/filter, keyword arguments, *args.
books = [
    ("Dune", "Herbert", 1965, 4.25),
    ("Neuromancer", "Gibson", 1984, 3.9),
    ("Foundation", "Asimov", 1951, 4.2),
    ("Hyperion", "Simmons", 1989, 4.25),
    ("Solaris", "Lem", 1961, 3.95),
    ("Ubik", "Dick", 1969, 4.1),
    ("Kindred", "Butler", 1979, 4.25),
]


def describe(book, width=12, show_year=True):
    title, author, year, rating = book
    text = f"{title:<{width}} {author:<8}"
    if show_year:
        text += f" {year}"
    return text + f" {rating:.2f}"


def show(label, numbered, *items):
    print(f"-- {label} ({len(items)})")
    for i, b in enumerate(items, start=1):
        prefix = f"{i:>2}. " if numbered else "    "
        print(prefix + describe(b, show_year=False, width=11))


ranked = sorted(books, key=lambda b: (-b[3], b[0]))
show("top three by rating, ties by title", True, ranked[0], ranked[1], ranked[2])
yearly = sorted(books, key=lambda b: b[2])
show("four oldest", False, yearly[0], yearly[1], yearly[2], yearly[3])
show("nothing", True)

by_rating = sorted(books, key=lambda b: b[3], reverse=True)
print("stable ties:", [b[0] for b in by_rating if b[3] == 4.25])
oldest = min(books, key=lambda b: b[2])
newest = max(books, key=lambda b: b[2])
print("oldest:", describe(oldest), "| newest:", describe(newest, width=9))
print("shortest title:", min(books, key=lambda b: len(b[0]))[0], "longest author:", max((b[1] for b in books), key=len))
print("none found:", max([b for b in books if b[2] > 2000], key=lambda b: b[3], default=None))
titles = list(map(lambda b: b[0].upper(), books))
print(titles)
print(list(map(len, titles)), list(map(str, [1, 2.5, None])), sum(map(abs, [-3, 4, -5])))
sixties = list(filter(lambda b: 1960 <= b[2] < 1970, books))
print("sixties:", [b[0] for b in sixties])
print("truthy:", list(filter(None, [0, "", "x", [], [0], None, 7])))
decades = {}
for b in books:
    decades.setdefault(b[2] // 10 * 10, []).append(b[0])
for decade in sorted(decades, reverse=True):
    print(f"{decade}s: {', '.join(sorted(decades[decade], key=len))}")
shelf = [b[0] for b in books]
shelf.sort(key=lambda t: t[-1])
print("by last letter:", shelf)
shelf.sort(reverse=True)
print("reverse:", shelf)
pairs = list(zip(titles, map(lambda b: b[2], books)))
print(pairs[:3], list(map(lambda t, y: f"{t[:3]}{y % 100:02d}", titles, [b[2] for b in books])))


def average(digits, *values):
    if not values:
        return None
    return round(sum(values) / len(values), digits)


print(average(2), average(2, 1, 2), average(1, 3.0, 4.5, 5.25))
ratings = [b[3] for b in books]
print("mean rating:", average(3, 4.25, 3.9, 4.2, 4.25, 3.95, 4.1, 4.25), "max:", max(ratings))
for bad in [lambda: describe(), lambda: describe(books[0], colour=1), lambda: describe(books[0], 5, width=3)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
