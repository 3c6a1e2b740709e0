# Exponentiation: right-associative, unary minus binds looser, negative
# exponents give floats.
print(2 ** 10, 3 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3)
print(4 ** 0.5, 2 ** 0.5, 8 ** (1 / 3))
print(2.0 ** 10, 1.5 ** 2, 0.5 ** -2)
print(type(2 ** 3), type(2 ** -1), type(2.0 ** 2))
print(10 ** 18, 2 ** 62, -(2 ** 62))
print(7 ** 22)
x = 3
x **= 4
print(x)
print(1 ** -5, (-1) ** -5, (-1) ** 100)
