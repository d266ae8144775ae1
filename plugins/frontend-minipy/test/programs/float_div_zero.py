# Division by zero through the float fast path's slow path: CPython's messages differ for
# int / int, and float / float, and for -0.0 and bool divisors.
def div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)

for a in [1, 0, -3, 1.5, 0.0, -0.0, float("inf"), float("nan"), True, 2 ** 40]:
    for b in [0, 0.0, -0.0, False]:
        print(a, b, div(a, b))
print(div(1, 0.5), div(0, -1), div(0.0, -1))
total = 0.0
for i in range(5):
    if i != 3:
        total = total + div(i, 3 - i)
print(total)
print(1 / (2 - 2.0))
