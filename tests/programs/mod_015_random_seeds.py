# random.seed(n) then random() gives CPython's exact Mersenne Twister sequence.
import random

for s in [0, 1, 2, 42, 12345, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 5, -7, -42,
          9223372036854775807, -9223372036854775807 - 1, True, False]:
    random.seed(s)
    print(s, [random.random() for _ in range(4)])
random.seed(42)
xs = [random.random() for _ in range(1000)]
print(xs[-1], min(xs), max(xs), sum(xs))
random.seed(42)
print(xs[:3] == [random.random() for _ in range(3)])
