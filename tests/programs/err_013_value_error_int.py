# Uncaught ValueError from int().
inputs = ["12", " 7 ", "x"]
total = 0
for s in inputs:
    total += int(s)
    print("running total", total)
