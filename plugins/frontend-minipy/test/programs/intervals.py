# Interval merging, insertion and free-time search in a day's calendar (minutes).
def parse(t):
    h, m = t.split(":")
    return int(h) * 60 + int(m)


def fmt(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def merge(intervals):
    out = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def free_slots(busy, day_start, day_end, need):
    slots = []
    t = day_start
    for start, end in merge(busy):
        if start - t >= need:
            slots.append((t, start))
        t = max(t, end)
    if day_end - t >= need:
        slots.append((t, day_end))
    return slots


meetings = {
    "ann": [("09:00", "10:30"), ("12:00", "13:00"), ("16:00", "17:00")],
    "bob": [("09:30", "11:00"), ("12:30", "14:00"), ("15:45", "16:15")],
    "cat": [("08:00", "09:15"), ("13:30", "14:30"), ("10:45", "11:15")],
}
everyone = []
for person, slots in meetings.items():
    ivs = [(parse(a), parse(b)) for a, b in slots]
    everyone.extend(ivs)
    print(f"{person}: busy {sum(b - a for a, b in merge(ivs))} min")
merged = merge(everyone)
print("merged:", ", ".join(f"{fmt(a)}-{fmt(b)}" for a, b in merged))
for need in [15, 30, 60, 120]:
    slots = free_slots(everyone, parse("08:00"), parse("18:00"), need)
    print(f"{need:>3} min:", [f"{fmt(a)}-{fmt(b)}" for a, b in slots])
print(merge([(1, 3), (2, 6), (8, 10), (15, 18), (17, 20), (6, 8)]))
print(merge([]), merge([(5, 5)]))
