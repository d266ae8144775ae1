# Echoes numbered lines of standard input until a line `quit`, then exits with a message
# (sys.exit with a str: printed to stderr, status 1); the arguments give a prefix.
import sys

prefix = " ".join(sys.argv[1:]) or ">"
count = 0
while True:
    line = sys.stdin.readline()
    if line == "":
        break
    line = line.rstrip("\n")
    if line == "quit":
        sys.exit(f"quit after {count} lines")
    count += 1
    print(prefix, count, line[::-1])
print("end of input")
