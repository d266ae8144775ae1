for s in ["12", "-4", "x1"]:
    print(int(s) * 2)
