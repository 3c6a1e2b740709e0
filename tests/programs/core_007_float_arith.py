# Float arithmetic and mixing with ints.
x = 3.5
y = 2
print(x + y, x - y, x * y, x / y, x // y, x % y)
print(y + x, y - x, y * x, y / x)
print(-x, +x, abs(-x), x ** 2)
print(1 + 2.0, 3 * 1.0, 7 / 2.0, type(1 + 2.0))
print(0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
print(1.0 == 1, 2 == 2.0, 1.5 != 1, 3.0 < 4, 4 <= 3.9)
total = 0.0
for i in range(10):
    total += 0.1
print(total)
print(1e308 + 1e308 > 1e308)
acc = 1.0
for i in range(1, 16):
    acc *= i
print(acc)
print(2.5 * 4, 10 / 4 * 4, 1 / 3 * 3)
print(int(2.5 * 4), int(-0.5), int(1e15))
