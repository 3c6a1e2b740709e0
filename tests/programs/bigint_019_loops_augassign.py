x = 1
for i in range(100):
    x *= 3
print(x)
x += 10 ** 40
print(x)
x -= x
print(x, type(x).__name__)
acc = 0
n = 1
while n < 10 ** 50:
    acc += n
    n *= 7
print(acc, n)
s = 2 ** 64
s <<= 10
s >>= 3
s |= 1
s &= ~2
s ^= 5
s //= 3
s %= 10 ** 15
print(s)
t = 10 ** 30
t **= 2
print(t)
count = 0
k = 2 ** 70
while k > 2 ** 60:
    k -= 2 ** 64
    count += 1
print(count, k)
total = 0
for v in [2 ** 63 - 1, 1, 2 ** 63, -(2 ** 64)]:
    total += v
    print(total)
lst = [2 ** 65] * 3
lst[1] += 1
print(lst, lst[0] == lst[2], lst[0] < lst[1])
best = None
for v in [5, 2 ** 80, -(2 ** 90), 2 ** 80 + 1]:
    if best is None or v > best:
        best = v
print(best)
