# Matrices as lists of lists: product, transpose, determinant by fractions-free elimination,
# powers for Fibonacci numbers.
def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]


def transpose(m):
    return [[m[i][j] for i in range(len(m))] for j in range(len(m[0]))]


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def mat_pow(m, e):
    result = identity(len(m))
    while e > 0:
        if e % 2 == 1:
            result = mat_mul(result, m)
        m = mat_mul(m, m)
        e //= 2
    return result


def determinant(m):
    # Bareiss: exact integer elimination.
    m = [row[:] for row in m]
    n = len(m)
    sign = 1
    prev = 1
    for k in range(n - 1):
        if m[k][k] == 0:
            for r in range(k + 1, n):
                if m[r][k] != 0:
                    m[k], m[r] = m[r], m[k]
                    sign = -sign
                    break
            else:
                return 0
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                m[i][j] = (m[i][j] * m[k][k] - m[i][k] * m[k][j]) // prev
        prev = m[k][k]
    return sign * m[n - 1][n - 1]


def show(m):
    width = max(len(str(x)) for row in m for x in row)
    for row in m:
        print(" ".join(f"{x:>{width}}" for x in row))


a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(mat_mul(a, b))
show(transpose(a))
for m in [[[2, 0], [0, 3]], [[1, 2, 3], [4, 5, 6], [7, 8, 10]], [[0, 1, 2], [1, 0, 3], [4, -3, 8]], [[1, 2], [2, 4]]]:
    print("det", determinant(m))
fib = mat_pow([[1, 1], [1, 0]], 90)
print("fib(90) =", fib[0][1])
print("fib(300) =", mat_pow([[1, 1], [1, 0]], 300)[0][1])
hilbert = [[1 / (i + j + 1) for j in range(4)] for i in range(4)]
for row in hilbert:
    print([round(x, 4) for x in row])
