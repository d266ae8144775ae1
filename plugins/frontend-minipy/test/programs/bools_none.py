print(True + True, True * 3, False - 1, True == 1, False == 0)
print(None is None, None == None, None is not None)
print(bool(0), bool(1), bool(""), bool("x"), bool([]), bool([0]), bool({}), bool(None), bool(0.0))
print(int(True), str(False), repr(None), str(None))
x = None
if not x:
    print("x is falsy")
print(1 == 1.0, 2 == 2.5, "1" == 1, [1] == [1.0])
print(True and "yes", False or None, [] or {} or "last")
print({True: "a", 1: "b"})
print(abs(True), -True, 3 // True)
