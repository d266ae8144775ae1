found = None
for i in range(1, 20):
    for j in range(i, 20):
        k2 = i * i + j * j
        k = 1
        while k * k < k2:
            k += 1
        if k * k == k2 and k < 20:
            print("triple", i, j, k)
            if i > 8:
                found = (i, j, k)
                break
    if found:
        break
print(found)
