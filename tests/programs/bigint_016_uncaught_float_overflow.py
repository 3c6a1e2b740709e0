n = 10 ** 400
print(n % 10 ** 9)
print(n / 10 ** 399)
x = n + 0.5
print("unreachable", x)
