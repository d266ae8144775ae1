for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("no break")
for i in range(3):
    pass
else:
    print("loop finished", i)
n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("while else", n)
x = 5
if x < 3:
    print("small")
elif x < 10:
    print("medium")
else:
    print("large")
print("yes" if x > 3 else "no", 1 if x == 4 else 2)
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0)
print(0 or "default", 3 and 4, None or 0, "" and 1, not 0, not [1])
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(-2, 3):
    print(i, sep="", end=",")
print("")
print(1, 2, 3, sep=" - ", end="!\n")
