# a classic: a function that forgot to return
def load(path):
    data = {"path": path, "rows": [1, 2, 3]}
    # forgot: return data

result = load("x.csv")
print("loaded", result)
print(result["rows"])
