# Float repr edge cases, inside containers too.
print(0.1 + 0.2, 1e16, 1e15, 1e-7, 1e-4, 0.0001, 1e-5)
print(-0.0, 0.0, float('inf'), float('-inf'), float('nan'))
print([1.0, -0.0, 1e100, 2.5e-300], (0.5,), {1.5: 2.25})
print(1 / 3, 2 / 3, 100.0, 123456789.0, 1e22, 12345678901234567.0)
print(3.14159, 2.0 ** 0.5, 10.0 ** 15, 10.0 ** 16, 1.5e300 * 1.5e10)
print(float(10 ** 20), float('1.25'), float(7), str(1.0), repr(0.1))
print(5e-324, 1.7976931348623157e308, -1.5)
x = 0.1
total = 0.0
for i in range(10):
    total += x
print(total, total == 1.0, round(total, 2))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, divmod(7.5, -2))
# round() keeps the sign of a zero (found by the random programs).
print(round(-0.0, 1), round(-0.0, 0), round(-0.04, 1), round(0.0, 3), round(-0.0))
