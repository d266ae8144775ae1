# Reads a class's marks from standard input: a title line, then `name mark mark ...` lines,
# with a blank line before an optional trailer. The program's arguments pick the report.
import sys


def parse(line, number):
    parts = line.split()
    if len(parts) < 2:
        raise ValueError(f"line {number}: expected a name and marks, got {line.rstrip()!r}")
    marks = [int(p) for p in parts[1:]]
    return parts[0], marks


def grade(avg):
    for limit, letter in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if avg >= limit:
            return letter
    return "F"


mode = sys.argv[1] if len(sys.argv) > 1 else "summary"
width = int(sys.argv[2]) if len(sys.argv) > 2 else 10
title = input("title: ")
print()
print(title.upper().center(width + 20, "="))
students = {}
number = 1
for line in sys.stdin:
    number += 1
    if line.strip() == "":
        break
    try:
        name, marks = parse(line, number)
    except ValueError as e:
        print("skipped:", e)
        continue
    students[name] = marks
trailer = sys.stdin.readline()
rest = sys.stdin.read()
for name, marks in sorted(students.items(), key=lambda kv: (-sum(kv[1]) / len(kv[1]), kv[0])):
    avg = sum(marks) / len(marks)
    if mode == "summary":
        print(f"{name:<{width}} {avg:6.2f} {grade(avg)}")
    else:
        print(f"{name:<{width}} {' '.join(f'{m:3d}' for m in marks)}  best {max(marks)}")
print("trailer:", repr(trailer))
print("rest:", len(rest.splitlines()), "lines", repr(rest[-6:]))
try:
    input("more? ")
except EOFError as e:
    print()
    print("EOFError:", e)
failed = [n for n, m in students.items() if sum(m) / len(m) < 60]
if failed:
    print("failed:", ", ".join(failed))
    sys.exit(len(failed))
print("all passed")
