# choice, shuffle and sample on lists, strings, tuples and ranges.
import random

for s in [0, 1, 42, 2024]:
    random.seed(s)
    print(s, random.choice('abcdef'), random.choice([1, 2, 3]), random.choice(range(100)), random.choice((None, True)))
    deck = [f"{rank}{suit}" for suit in "SHDC" for rank in "A23456789TJQK"]
    random.shuffle(deck)
    print("  ", deck[:13])
    nums = list(range(20))
    random.shuffle(nums)
    print("  ", nums, sorted(nums) == list(range(20)))
    print("  ", random.sample(range(100), 10), random.sample('abcdefghij', 4), random.sample((1, 2, 3), 3))
    print("  ", random.sample([1, 2], 0), random.sample(['x'], 1))
words = ["apple", "banana", "cherry"]
random.seed(5)
picks = [random.choice(words) for _ in range(8)]
print(picks)
one = [7]
random.shuffle(one)
print(one, random.shuffle([]))
