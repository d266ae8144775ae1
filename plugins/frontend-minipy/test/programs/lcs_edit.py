# Longest common subsequence and edit distance, with the alignment printed.
def lcs(a, b):
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    out = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return "".join(out)


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost))
        prev = cur
    return prev[-1]


pairs = [("kitten", "sitting"), ("flaw", "lawn"), ("intention", "execution"), ("", "abc"),
         ("ACCGGTCGAGTGCGCGGAAGCCGGCCGAA", "GTCGTTCGGAATGCCGTTGCTCTGTAAA")]
for a, b in pairs:
    common = lcs(a, b)
    d = edit_distance(a, b)
    print(f"{a!r:32} {b!r:32} lcs={common!r} ({len(common)}) edit={d}")

ratio = {f"{a}/{b}": round(1 - edit_distance(a, b) / max(len(a), len(b), 1), 3) for a, b in pairs}
for key, r in sorted(ratio.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{key:>62} {r:.1%}")
