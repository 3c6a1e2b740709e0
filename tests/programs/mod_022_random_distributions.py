# uniform, gauss, normalvariate, expovariate, triangular and the other distributions.
import random

for s in [0, 1, 42]:
    random.seed(s)
    print(s, random.uniform(1, 10), random.uniform(2.5, -3), random.uniform(5, 5), random.uniform(0, 1))
    print("  ", random.gauss(), random.gauss(5, 2), random.gauss(), random.gauss(mu=1, sigma=0.5))
    print("  ", random.normalvariate(), random.normalvariate(1, 3), random.expovariate(2), random.expovariate(0.5))
    print("  ", random.triangular(), random.triangular(1, 5, 2), random.triangular(3, 3, 3), random.triangular(0, 10))
    print("  ", random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.vonmisesvariate(0, 0))
    print("  ", random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(3, 1), random.betavariate(2, 3))
    print("  ", random.paretovariate(3), random.weibullvariate(1, 2))
random.seed(8)
xs = [random.gauss(10, 2) for _ in range(2000)]
mean = sum(xs) / len(xs)
print(round(mean, 6), round((sum((x - mean) ** 2 for x in xs) / len(xs)) ** 0.5, 6))
