print("never runs")
f = lambda x: x + 1
