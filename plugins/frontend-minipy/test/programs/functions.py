def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", "Yo", "?"))


def apply(f, x):
    return f(x)


def square(x):
    return x * x


print(apply(square, 7), apply(square, -3))
g = square
print(g(12))

counter = 0


def bump():
    global counter
    counter += 1
    return counter


bump()
bump()
print(counter, bump())


def no_return():
    x = 1


print(no_return())


def multi():
    return 1, "two", 3.0


a, b, c = multi()
print(a, b, c, multi())


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(30))
