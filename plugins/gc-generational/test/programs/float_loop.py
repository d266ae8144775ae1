# Every arithmetic result is a boxed float: six short-lived objects per iteration.
def run(n):
    x = 0.0
    y = 1.0
    s = 0.0
    i = 0
    while i < n:
        x = x * 0.5 + y
        y = y * 0.999 + 0.001
        s = s + x
        i = i + 1
    return s


print(run(N))
