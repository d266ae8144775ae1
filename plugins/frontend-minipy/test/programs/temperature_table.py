# Temperature conversions and statistics over a week of readings: float formatting,
# rounding, min/max with keys, and a text bar chart.
READINGS = {"Mon": [12.5, 15.25, 9.0], "Tue": [14.0, 18.5, 11.75], "Wed": [8.25, 10.0, 6.5],
            "Thu": [16.0, 21.5, 13.0], "Fri": [19.5, 24.0, 15.25], "Sat": [21.0, 27.75, 17.5],
            "Sun": [18.0, 22.5, 14.0]}


def c_to_f(c):
    return c * 9 / 5 + 32


def c_to_k(c):
    return c + 273.15


def mean(xs):
    return sum(xs) / len(xs)


def stdev(xs):
    m = mean(xs)
    return (sum((x - m) ** 2 for x in xs) / (len(xs) - 1)) ** 0.5


print(f"{'day':<4}{'mean C':>8}{'mean F':>8}{'K':>9}{'spread':>8}")
for day, xs in READINGS.items():
    m = mean(xs)
    print(f"{day:<4}{m:>8.2f}{c_to_f(m):>8.1f}{c_to_k(m):>9.2f}{max(xs) - min(xs):>8.2f}")
all_temps = [x for xs in READINGS.values() for x in xs]
print(f"week: mean {mean(all_temps):.3f}, stdev {stdev(all_temps):.3f}, n={len(all_temps)}")
hottest = max(READINGS, key=lambda d: max(READINGS[d]))
coldest = min(READINGS, key=lambda d: mean(READINGS[d]))
print("hottest:", hottest, "coldest:", coldest)
for day, xs in READINGS.items():
    peak = max(xs)
    print(f"{day} {'*' * round(peak)} {peak}")
print([round(c_to_f(x), 1) for x in sorted(all_temps)[:5]], round(2.675, 2), round(0.125, 2), round(-0.5))
print(c_to_f(-40.0), c_to_k(-273.15), 1e-3 * 3, 0.1 + 0.2, 1 / 3, 2 / 3 * 3)
