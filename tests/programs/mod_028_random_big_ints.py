# random with ints beyond 64 bits: seeds, getrandbits, randrange and randint over huge ranges.
import random

for s in [2 ** 64 - 1, 2 ** 64, -(2 ** 64) - 5, 10 ** 30, 2 ** 1000 + 7, 3 ** 200]:
    random.seed(s)
    print(random.random(), random.getrandbits(64), random.getrandbits(100))
    print("  ", random.randrange(10 ** 30), random.randint(-(10 ** 25), 10 ** 25))
    print("  ", random.randrange(0, 10 ** 40, 7), random.randrange(10 ** 30, 0, -3))
random.seed(5)
print(random.getrandbits(1000) % 1000003, random.randrange(2 ** 64), random.getrandbits(200).bit_length() <= 200)
try:
    random.randrange(10 ** 30, 10 ** 30)
except ValueError as e:
    print(e)
