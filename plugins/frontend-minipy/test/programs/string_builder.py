# Formatting a report with str methods: padding, centring, wrapping text to a width,
# title case, justification and a boxed table.
TEXT = ("the quick brown fox jumps over the lazy dog while five boxing wizards jump quickly "
        "and a wizard's job is to vex chumps quickly in fog")


def wrap(text, width):
    lines = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return out + words[-1]


def box(rows):
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    bar = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [bar]
    for k, r in enumerate(rows):
        cells = [f" {str(v).rjust(w) if isinstance(v, int) else str(v).ljust(w)} " for v, w in zip(r, widths)]
        out.append("|" + "|".join(cells) + "|")
        if k == 0:
            out.append(bar)
    out.append(bar)
    return "\n".join(out)


for line in wrap(TEXT, 28):
    print(f"|{justify(line, 28)}|")
print(TEXT.title()[:40], "|", TEXT.capitalize()[:20], "|", TEXT.swapcase()[:12])
print("report".center(30, "="))
print(box([["word", "length", "vowels"]] + [[w, len(w), sum(1 for c in w if c in "aeiou")] for w in TEXT.split()[:6]]))
print("-".join(w[::-1] for w in "abc def ghi".split()), "x".zfill(4), "-7".zfill(5))
print(repr("  strip me  ".strip()), "a,b,,c".split(","), "a b  c".split(), "mississippi".replace("ss", "SS", 1))
