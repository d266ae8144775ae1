print(len([1, 2]), len("abc"), len({}))
print(len(5))
