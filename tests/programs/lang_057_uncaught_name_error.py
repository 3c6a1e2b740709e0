# a name that was never defined, used inside a function
def average(values):
    total = sum(values)
    return grand_sum / len(values)

print("computing")
print(average([1, 2, 3]))
