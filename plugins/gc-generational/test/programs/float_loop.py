# Floats kept in a list are boxed (the compiler unboxes floats in locals, not list
# elements): every iteration makes three short-lived float objects.
def run(n):
    v = [0.0, 1.0, 0.0]
    i = 0
    while i < n:
        v[0] = v[0] * 0.5 + v[1]
        v[1] = v[1] * 0.999 + 0.001
        v[2] = v[2] + v[0]
        i = i + 1
    return v[2]


print(run(N))
