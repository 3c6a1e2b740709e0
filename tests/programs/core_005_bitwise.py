# Bitwise operators on ints and bools.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, ~b, ~0, ~-1)
print(1 << 10, 1 << 62, 1024 >> 3, -1024 >> 3, -1 >> 5, 5 >> 10)
print(-17 & 0xFF, -17 | 3, -17 ^ 3)
print(True & False, True | False, True ^ True, ~True)
print(type(True & True), type(True & 1))
print(6 & 3 | 8, 6 ^ 3 & 1, 1 + 2 << 3, 1 << 2 + 3)
x = 0
x |= 0b0101
x &= 0b0111
x ^= 0b0010
x <<= 4
x >>= 2
print(x)
mask = 0
for i in range(0, 16, 3):
    mask |= 1 << i
print(mask)
count = 0
n = mask
while n:
    count += n & 1
    n >>= 1
print("bits set:", count)
