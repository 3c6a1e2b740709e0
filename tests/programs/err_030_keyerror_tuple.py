# KeyError message for a tuple key and a string key with a quote.
grid = {(0, 0): "start"}
print(grid[(0, 0)])
key = "it's"
try:
    grid[key]
except KeyError as e:
    print("caught", e)
grid[(3, 4)]
