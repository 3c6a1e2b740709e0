# choices with and without weights or cumulative weights.
import random

for s in [0, 7, 99]:
    random.seed(s)
    print(random.choices('abc', k=5), random.choices([1, 2, 3], [10, 1, 1], k=6))
    print("  ", random.choices('xy', cum_weights=[1, 5], k=4), random.choices(range(10), k=3), random.choices([5]))
    print("  ", random.choices(['win', 'lose'], weights=[0.25, 0.75], k=8))
    print("  ", random.choices('abcd', [0, 0, 1, 0], k=3), random.choices('ab', k=0), random.choices('ab', k=-2))
random.seed(1)
hist = {}
for c in random.choices('ABC', weights=[5, 3, 2], k=1000):
    hist[c] = hist.get(c, 0) + 1
print(sorted(hist.items()))
