# Heap exhaustion raises MemoryError: caught by except, after which the heap serves the
# program again; caught a second time; then uncaught (CPython's last traceback line).
def hoard():
    x = []
    while True:
        x.append([0] * 1000)


try:
    hoard()
except MemoryError as e:
    print("caught", repr(e))
total = 0
for i in range(100000):
    total += len([i, i])
print(total)
try:
    hoard()
except Exception as e:
    print("again", repr(e))
hoard()
