MAX = 9223372036854775807
MIN = -9223372036854775808
print(MAX + 1, MIN - 1, MAX * 2, MIN * -1, -MIN, abs(MIN), MIN // -1)
print(MAX + 1 - 1 == MAX, type(MAX + 1 - 1).__name__, (MAX + 1) - 1 is not None)
print(MIN - 1 + 1 == MIN, -(-(2 ** 63)) - 1 == MAX)
print(2 ** 62 + 2 ** 62, 3037000500 * 3037000500, 3037000499 * 3037000499)
print(1 << 63, (1 << 62) << 1, -1 << 63, -1 << 64)
x = MAX
x += 1
print(x)
x -= 1
print(x, x == MAX)
y = MIN
y -= 1
print(y)
y = -y
print(y)
z = 1
for i in range(64):
    z *= 2
print(z, z - 1, z // 2, z >> 1, (z >> 1) - 1 == MAX)
d = {MAX: "max", MIN: "min"}
print(d[2 ** 63 - 1], d[-(2 ** 63)], d[(2 ** 64) // 2 - 1])
print((2 ** 64 - 2 ** 64) == 0, 2 ** 64 - 2 ** 64, (10 ** 30 - 10 ** 30 + 5) * 2)
vals = [MAX + k for k in range(-2, 3)]
print(vals, [v - MAX for v in vals])
print(sum([MAX, MAX, MAX]), sum([MIN] * 4), max(MAX, MAX + 1), min(MIN, MIN - 1))
print(-9223372036854775808, type(-9223372036854775808).__name__, 9223372036854775808)
