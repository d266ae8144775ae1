try:
    print({}["k"])
except KeyError:
    print("logging")
    raise
