print("never runs")
def gen():
    yield 1
