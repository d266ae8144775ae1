def sieve(n):
    flags = [True] * n
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i < n:
        if flags[i]:
            j = i * i
            while j < n:
                flags[j] = False
                j += i
        i += 1
    return primes_of(flags)


def primes_of(flags):
    out = []
    for i in range(len(flags)):
        if flags[i]:
            out.append(i)
    return out


p = sieve(200)
print(len(p), p[:10], p[-3:])
