# fsum, hypot and dist: exactly rounded sums and norms, checked on many vectors.
import math
import random

random.seed(11)
out = []
for i in range(500):
    n = random.randint(2, 6)
    v = [random.uniform(-1e3, 1e3) * 10.0 ** random.randint(-200, 200) for _ in range(n)]
    out.append(math.hypot(*v))
    out.append(math.hypot(v[0], v[1]))
    out.append(math.fsum(v + [-x for x in v[:1]] + [random.random()]))
    out.append(math.dist(v[:2], v[-2:]))
print(out[:8])
print(sum(1 for x in out if x != x), len(out))
print(math.fsum(out[:100]) == math.fsum(sorted(out[:100])))
for x in [1e-320, 5e-324, 1e308, 0.0, -0.0, 3, 4]:
    print(math.hypot(x, x), math.hypot(x, 1e-320, 2e-320))
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(math.nan, math.inf), math.hypot(math.nan, 1))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1, 2 ** 53, 1]), math.fsum(range(100)), math.fsum([]), math.fsum([math.inf, 1]))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 15]))
