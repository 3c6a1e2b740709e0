# Integer arithmetic: + - * / // % and precedence.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(b - a, -a, +a, -(-a))
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 + 4 * 5)
print(10 - 3 - 2, 100 // 10 // 3, 2 * 3 % 4)
print(7 / 7, 1 / 4, 10 / 4, 0 / 5)
print(type(6 / 3), type(6 // 3))
x = 0
for i in range(1, 11):
    x = x + i * i
print("sum of squares 1..10:", x)
big = 2 ** 40
print(big, big * 1000, big // 3, big % 1000)
print(4611686018427387903, -4611686018427387903)
print(3037000499 * 3037000499)
print(123456789 * 987654321)
print(1000000007 * 999999937 % 1000000009)
n = 1
for i in range(20):
    n = n * 3
print(n, n - 1, -n)
print(abs(-12), abs(12), abs(0))
print(0 * -1, -0)
