# Text statistics: word frequencies, longest words, sentence lengths, a simple index.
TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness.
We had everything before us, we had nothing before us. We were all going direct
to Heaven, we were all going direct the other way."""


def words_of(text):
    cleaned = "".join(c.lower() if c.isalpha() else " " for c in text)
    return cleaned.split()


def frequencies(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


words = words_of(TEXT)
counts = frequencies(words)
print(len(words), "words,", len(counts), "distinct")
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
for word, n in top:
    print(f"{word:<10}{n:>3} {'#' * n}")

longest = sorted(list(counts), key=lambda w: (-len(w), w))[:5]
print("longest:", ", ".join(longest))

sentences = [s.strip() for s in TEXT.replace("\n", " ").split(".") if s.strip()]
for i, s in enumerate(sentences, 1):
    n = len(s.split())
    print(f"sentence {i}: {n} words, starts {s[:20]!r}")

index = {}
for lineno, line in enumerate(TEXT.split("\n"), 1):
    for w in words_of(line):
        if len(w) >= 6:
            index.setdefault(w, [])
            if lineno not in index[w]:
                index[w].append(lineno)
for w in sorted(index):
    print(f"{w}: {index[w]}")
caps = [w for w in TEXT.split() if w[0].isupper()]
print(caps)
print(TEXT.count("it was"), TEXT.find("Light"), TEXT.upper()[:12], TEXT.title()[-20:])
