# randint, randrange with one, two and three arguments (negative steps too), getrandbits.
import random

for s in [0, 1, 42, 12345, 2 ** 32 + 5, -7]:
    random.seed(s)
    print(s, [random.randint(1, 6) for _ in range(12)])
    print("  ", [random.randrange(10) for _ in range(10)], random.randrange(5, 50, 3), random.randrange(50, 5, -7))
    print("  ", random.randrange(-10, -1), random.randrange(0, 1), random.randrange(1, 1000000007), random.randint(-5, -5))
    print("  ", [random.getrandbits(k) for k in [0, 1, 7, 31, 32, 33, 63]])
    print("  ", random.randrange(10 ** 18), random.randrange(-(10 ** 18), 10 ** 18, 7), random.randrange(5.0), random.randrange(2, 9.0))
random.seed(3)
rolls = [random.randint(1, 6) for _ in range(6000)]
print([rolls.count(face) for face in range(1, 7)])
print(random.randrange(start=1, stop=5), random.randrange(0, 10, step=2), random.randint(a=1, b=3))
