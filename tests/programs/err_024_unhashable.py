# Uncaught TypeError: unhashable dict key.
d = {}
d[(1, 2)] = "tuple keys are fine"
print(d)
d[[1, 2]] = "list keys are not"
