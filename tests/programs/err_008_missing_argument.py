# Uncaught TypeError: a required positional argument is missing.
def f(x):
    return x * 2

print(f(21))
f()
