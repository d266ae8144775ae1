# Products of small ints that need a bigint, and their remainders by small moduli: made in
# line (one or two 32-bit limbs, moduli below 2^16) or by the host (everything else).
xs = [0, 1, -1, 2, -2, 7, 46340, 46341, -46341, 65535, 65536, -65536, 1073741823, -1073741824, 1073741823 // 3, 123456789, -987654321, 32768, 32767]
ms = [1, 2, 3, 7, 10, 255, 256, 65535, 65536, 65537, 1000003, -7, -1]
total = 0
for x in xs:
    for y in xs:
        p = x * y
        print(x, y, p, p - 1, p + 1, -p)
        for m in ms:
            total = total + (p % m)
            print(p % m, end=" ")
        print()
print(total)
i = 0
s = 0
while i < 3000:
    s = s + (i * i) % 7
    i = i + 1
print(s)
