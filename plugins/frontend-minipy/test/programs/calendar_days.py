# Days of the week (Zeller), leap years, day counts between dates, and a month calendar.
NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in_month(y, m):
    if m == 2:
        return 29 if is_leap(y) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def weekday(y, m, d):
    if m < 3:
        m += 12
        y -= 1
    k, j = y % 100, y // 100
    h = (d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7


def ordinal(y, m, d):
    days = d
    for year in range(1, y):
        days += 366 if is_leap(year) else 365
    for month in range(1, m):
        days += days_in_month(y, month)
    return days


def month_calendar(y, m):
    lines = [f"{MONTHS[m - 1]} {y}".center(20), "Mo Tu We Th Fr Sa Su"]
    first = weekday(y, m, 1)
    cells = ["  "] * first + [f"{d:2d}" for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)


for y, m, d in [(2000, 1, 1), (1969, 7, 20), (2024, 2, 29), (1900, 3, 1), (2026, 12, 7)]:
    print(f"{y:04d}-{m:02d}-{d:02d} is a {NAMES[weekday(y, m, d)]}")
print([y for y in range(1896, 1920) if is_leap(y)])
print("days from moon landing to 2000:", ordinal(2000, 1, 1) - ordinal(1969, 7, 20))
print(month_calendar(2024, 2))
print(month_calendar(2026, 12))
