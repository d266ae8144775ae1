# A sales report: f-strings with format specs, str.format, % formatting and str methods.
RAW = """
  widget , 4 , 2.50
  Gadget , 12, 11.125
  gizmo  , 1 , 1999.99
  doohickey, 250, 0.035
  thingamajig , 7 , 13.5
"""


def parse(text):
    rows = []
    for line in text.strip().split("\n"):
        name, qty, price = line.split(",")
        rows.append((name.strip().title(), int(qty.strip()), float(price.strip())))
    return rows


def table(rows):
    header = f"{'Item':<12}|{'Qty':>5}|{'Price':>10}|{'Total':>12}"
    print(header)
    print("-" * len(header))
    grand = 0.0
    for name, qty, price in rows:
        total = qty * price
        grand += total
        print(f"{name:<12}|{qty:5d}|{price:10.3f}|{total:>12,.2f}")
    print("=" * len(header))
    print(f"{'grand total':<12}|{'':5}|{'':10}|{grand:>12,.2f}")
    return grand


rows = parse(RAW)
grand = table(rows)
for name, qty, price in rows:
    share = qty * price / grand
    bar = "#" * int(share * 40)
    print(f"{name.upper():>12} {share:6.1%} {bar}")

print("{} rows, {:.2e} total, {n!r} is first".format(len(rows), grand, n=rows[0][0]))
print("{0:^9}|{1:*<6}|{0:_>7}".format("mid", 42))
print("%-10s|%5d|%8.2f|%x|%o|%+d|%05.1f|%%" % ("pct", 42, 3.14159, 255, 8, 7, 2.25))
print("%(name)s owes %(amount).2f" % {"name": "Bob", "amount": 12.5})
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {1e16} {1/3!r} {-0.0:.1f} {float('inf'):>6}")
print(f"{255:#x} {255:#o} {255:08b} {1234567:_} {-42:=+8} {7:^5}|")
print(f"{12345.678:g} {0.00001234:g} {123456789.0:.3g} {1.0:.3} {1234.5:.2}")
word = "Mississippi"
print(word.count("ss"), word.find("ss"), word.rfind("ss"), word.index("pp"), word.lower().count("i"))
print(word.replace("ss", "SS"), word.replace("i", "!", 2), word.startswith("Miss"), word.endswith(("pi", "x")))
print("|" + word.center(17, ".") + "|" + word.ljust(13) + "|" + word.rjust(13, "-") + "|")
print("42".zfill(6), "-7".zfill(4), "3.5".isdigit(), "35".isdigit(), "abc".isalpha(), " \t".isspace())
print("  padded  ".strip() + "|", "xxhixx".strip("x"), "..dots".lstrip("."), "trail!!".rstrip("!"))
print("a b  c".split(), "a,b,,c".split(","), "k=v=w".split("=", 1), "-".join(["x", "y", "z"]))
words = "the quick brown fox jumps over the lazy dog".split()
longest = ""
for w in words:
    if len(w) > len(longest):
        longest = w
print(f"{len(words)} words, longest {longest!r} ({len(longest)}), title: {' '.join(words).title()}")
try:
    print(f"{3.5:d}")
except ValueError as e:
    print("ValueError:", e)
try:
    print("{} {}".format("only one"))
except IndexError as e:
    print("IndexError:", e)
print("%d%%" % 12.9, "%s and %r" % ("s", "r"), "%5.1f|%-6.2f|" % (2.25, 2.375))
print("total: %s" % format(grand, ",.3f"))
