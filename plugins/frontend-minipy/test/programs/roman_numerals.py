# Roman numerals both ways, with validation errors, and a table of conversions.
VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


class RomanError(ValueError):
    pass


def to_roman(n):
    if not 0 < n < 4000:
        raise RomanError(f"{n} is out of range")
    out = []
    for value, letters in VALUES:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(s):
    if not s:
        raise RomanError("empty numeral")
    total = 0
    for i, ch in enumerate(s):
        if ch not in DIGITS:
            raise RomanError(f"bad digit {ch!r} in {s!r}")
        v = DIGITS[ch]
        if i + 1 < len(s) and DIGITS.get(s[i + 1], 0) > v:
            total -= v
        else:
            total += v
    if to_roman(total) != s:
        raise RomanError(f"{s!r} is not canonical (did you mean {to_roman(total)!r}?)")
    return total


for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(f"{n:>5} = {r:<12} -> {from_roman(r)}")
for bad in ["IIII", "IC", "MMXXIV", "", "ABC", "MCMXCIV"]:
    try:
        print(f"{bad!r} = {from_roman(bad)}")
    except RomanError as e:
        print("RomanError:", e)
for n in [0, 4000, -5]:
    try:
        to_roman(n)
    except ValueError as e:
        print("ValueError:", e)
lengths = {}
for n in range(1, 200):
    lengths.setdefault(len(to_roman(n)), []).append(n)
for k in sorted(lengths):
    print(k, len(lengths[k]), lengths[k][:5])
