# Histograms of generated data: bucketing floats, percentiles, a horizontal bar chart
# scaled to a width, and summary statistics printed with format specs.
def lcg(seed):
    state = seed
    out = []
    for _ in range(400):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        out.append(state)
    return out


def to_unit(xs):
    return [x / 2**64 for x in xs]


def normalish(us):
    # Sum of 4 uniforms: roughly bell-shaped on [0, 4).
    return [sum(us[i:i + 4]) for i in range(0, len(us) - 3, 4)]


def percentile(sorted_xs, p):
    k = (len(sorted_xs) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(sorted_xs) - 1)
    return sorted_xs[lo] + (sorted_xs[hi] - sorted_xs[lo]) * (k - lo)


def histogram(xs, lo, hi, buckets):
    counts = [0] * buckets
    width = (hi - lo) / buckets
    for x in xs:
        i = int((x - lo) / width)
        counts[min(max(i, 0), buckets - 1)] += 1
    return counts, width


data = normalish(to_unit(lcg(2026)))
counts, width = histogram(data, 0.0, 4.0, 8)
scale = 40 / max(counts)
for i, c in enumerate(counts):
    left = i * width
    print(f"[{left:4.2f}, {left + width:4.2f}) {c:3d} {'=' * round(c * scale)}")
s = sorted(data)
mean = sum(s) / len(s)
var = sum((x - mean) ** 2 for x in s) / len(s)
print(f"n={len(s)} mean={mean:.4f} sd={var ** 0.5:.4f} min={s[0]:.4f} max={s[-1]:.4f}")
for p in [5, 25, 50, 75, 95]:
    print(f"p{p:<2} = {percentile(s, p):.5f}")
print(f"{sum(1 for x in s if abs(x - mean) < var ** 0.5) / len(s):.1%} within one sd")
print([f"{x:.3e}" for x in s[:3]], f"{s[len(s) // 2]!r}")
