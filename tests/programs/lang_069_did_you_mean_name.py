# a typo in a local name: CPython suggests the closest name
def average(values):
    total = sum(values)
    return totl / len(values)

print("computing")
print(average([1, 2, 3]))
