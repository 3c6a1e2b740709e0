a = 2 ** 100 + 0xABCDEF
b = -(2 ** 90) - 12345
for x, y in [(a, b), (b, a), (-a, b), (b, -b), (a, 0xFFFF), (b, 0xFFFF), (-1, a), (b, -1)]:
    print(x & y, x | y, x ^ y)
print(~a, ~b, ~~a == a, -a == ~a + 1)
print(a >> 3, b >> 3, (-a) >> 100, (-a) >> 101, (-a) >> 1000, a >> 1000)
print(a << 5, b << 70, 1 << 100, -1 << 64, 5 << 0)
print((1 << 64) >> 64, ((1 << 200) - 1) >> 199)
print(a.bit_length(), b.bit_length(), (-(2 ** 100)).bit_length(), (2 ** 100 - 1).bit_length())
print(a.bit_count(), b.bit_count(), (2 ** 100 - 1).bit_count())
mask = (1 << 64) - 1
print(b & mask, (b & mask) - (1 << 64) == b % (1 << 64) - (1 << 64))
x = 0
for i in range(0, 200, 7):
    x |= 1 << i
print(x, bin(x).count("1"))
x ^= x >> 1
print(x)
try:
    print(a << -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(1 >> -(2 ** 100))
except ValueError as e:
    print("ValueError:", e)
print(0 << 2 ** 100, 1 >> 2 ** 100, -1 >> 2 ** 100)
try:
    print(1 << 2 ** 100)
except OverflowError as e:
    print("OverflowError:", e)
