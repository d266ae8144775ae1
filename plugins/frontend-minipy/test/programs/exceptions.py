def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        print("error:", e)
        return None
    finally:
        print("finally", a, b)


print(safe_div(1, 2))
print(safe_div(1, 0))

try:
    [1, 2, 3][10]
except IndexError as e:
    print("IndexError", e)

try:
    {"a": 1}["b"]
except KeyError as e:
    print("KeyError", e, repr(e))

try:
    int("abc")
except (TypeError, ValueError) as e:
    print("caught", e)

try:
    raise ValueError("bad value")
except Exception as e:
    print(type if False else "Exception", e)

try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except LookupError as e:
    print("outer caught", e)


def reraise():
    try:
        1 + "a"
    except TypeError:
        print("handling")
        raise


try:
    reraise()
except TypeError as e:
    print("re-raised:", e)

try:
    x = 1
except ValueError:
    print("no")
else:
    print("else ran", x)

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
