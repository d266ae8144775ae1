# Digits of pi and e with big integers (Machin's formula, a series for e), checked
# against the known prefixes.
def arctan_inv(x, unity):
    total = term = unity // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        total += sign * (term // (2 * n + 1))
        sign = -sign
        n += 1
    return total


def pi_digits(digits):
    unity = 10 ** (digits + 10)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return pi // 10 ** 10


def e_digits(digits):
    unity = 10 ** (digits + 10)
    total = 0
    term = unity
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return total // 10 ** 10


pi = str(pi_digits(300))
print(pi[0] + "." + pi[1:61])
print(pi[61:121])
assert pi.startswith("31415926535897932384626433832795028841971693993751")
e = str(e_digits(200))
print(e[0] + "." + e[1:61])
counts = [pi.count(str(d)) for d in range(10)]
print("digit counts in pi:", counts, sum(counts))
print("most common:", max(range(10), key=lambda d: counts[d]))
print(f"{int(pi[:16]) / 10 ** 15:.15f}", 3.141592653589793 == int(pi[:16]) / 10 ** 15)
groups = [pi[i:i + 10] for i in range(1, 51, 10)]
print(" ".join(groups))
