print(2 ** 100)
print(3 ** 200)
print(10 ** 50)
print((-7) ** 33)
print((-7) ** 34)
print(2 ** 64 - 1, 2 ** 63, -(2 ** 63))
for e in [62, 63, 64, 65, 127, 128]:
    print(e, 2 ** e, -2 ** e)
print(0 ** 0, 0 ** 100, 1 ** 1000, (-1) ** 1001)
print(2 ** -1, 2 ** -100, 10 ** -5)
print((2 ** 100) ** -1)
print(pow(12, 30), pow(-12, 31))
x = 1
for i in range(70):
    x = x * 2
print(x, x == 2 ** 70)
big = 7 ** 77
print(big)
print(big % 1000, big // 7 ** 76)
print(5 ** 0.5, (2 ** 100) ** 0.5)
print(2.0 ** 100 == 2 ** 100)
print(2 ** 1000 % 10 ** 9)
print(len(str(2 ** 10000)))
