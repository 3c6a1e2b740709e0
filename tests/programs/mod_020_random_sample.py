# sample's two strategies (a pool for small populations, a set of picks for big ones) and counts=.
import random

random.seed(12345)
for n, k in [(10, 10), (21, 5), (22, 5), (26, 6), (100, 6), (1000, 30), (10 ** 6, 7), (50, 49), (200, 100), (10 ** 9, 3)]:
    s = random.sample(range(n), k)
    print(n, k, s[:12], len(set(s)) == k)
print(random.sample(['a', 'b'], 5, counts=[3, 4]))
print(random.sample(['red', 'blue'], counts=[4, 2], k=5))
print(random.sample('xyz', 3, counts=[1, 0, 2]))
big = list(range(5000))
print(random.sample(big, 20))
print(big[:5], len(big))
