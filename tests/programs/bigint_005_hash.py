for v in [2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 63, 2 ** 64, 2 ** 100, -(2 ** 100),
          10 ** 30, -(10 ** 30), 2 ** 122 - 1, 3 ** 100, -1, -2]:
    print(v, hash(v))
print(hash(2.0 ** 100) == hash(2 ** 100))
print(hash(float(10 ** 22)) == hash(10 ** 22))
print(hash((2 ** 100, -(2 ** 70))))

d = {}
d[2 ** 100] = "two to the hundred"
d[2 ** 64] = "two to the sixty-four"
print(d[2 ** 100], d[2 ** 64])
print(d[2.0 ** 64])
d[float(2 ** 100)] = "replaced"
print(len(d), d[2 ** 100])
s = {2 ** 70, 2 ** 70, 2.0 ** 70, 10 ** 20, 10 ** 20 + 1}
print(len(s), 2 ** 70 in s, 1180591620717411303424 in s)
keys = {10 ** 40 + i: i for i in range(5)}
print(sorted(keys.values()), 10 ** 40 + 3 in keys, keys[10 ** 40 + 4])
x = 2 ** 64
y = 2 ** 32 * 2 ** 32
print(x == y, hash(x) == hash(y), {x: 1}[y])
