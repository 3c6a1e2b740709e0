# A notebook-style simulation: dice, a shuffled deck and a random walk, reproducible with a seed.
import math
import random
import time

random.seed(2024)
start = time.perf_counter()
counts = {}
for _ in range(10000):
    total = random.randint(1, 6) + random.randint(1, 6)
    counts[total] = counts.get(total, 0) + 1
for total in sorted(counts):
    print(f"{total:2d} {counts[total]:5d} {'#' * (counts[total] // 100)}")
position = 0
path = []
for step in range(50):
    position += random.choice([-1, 1])
    path.append(position)
print(path[-10:], max(path), min(path))
hand = random.sample([f"{r}{s}" for s in "♠♥♦♣" for r in "A23456789TJQK"], 5)
print(hand)
inside = sum(1 for _ in range(20000) if math.hypot(random.random(), random.random()) <= 1.0)
print(inside, 4 * inside / 20000)
print(time.perf_counter() - start >= 0)
