# Uncaught NameError.
x_defined = 1
print(x_defined)
print(x)
