def mat_mul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    out = []
    for i in range(n):
        row = []
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            row.append(s)
        out.append(row)
    return out


def mat_pow(a, p):
    result = [[1, 0], [0, 1]]
    while p > 0:
        if p % 2 == 1:
            result = mat_mul(result, a)
        a = mat_mul(a, a)
        p //= 2
    return result


print(mat_pow([[1, 1], [1, 0]], 10))
print(mat_pow([[1, 1], [1, 0]], 200)[0][1])
print(mat_mul([[1.5, 2], [3, 4]], [[0.5], [0.25]]))
