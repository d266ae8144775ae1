stock = {"apple": 3, "pear": 0}
for fruit in ["apple", "pear", "x"]:
    print(fruit, stock[fruit])
