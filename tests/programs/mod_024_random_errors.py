# Errors from the sequence functions and the distributions, with CPython's messages.
import random


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


random.seed(3)
t(random.seed, 1, 2, 3); t(random.seed, x=3); t(random.seed, [1])
t(random.choice, []); t(random.choice, ''); t(random.choice, {}); t(random.choice, {1: 2}); t(random.choice, 5)
t(random.shuffle, (1, 2)); t(random.shuffle, 'ab'); t(random.shuffle, 5)
t(random.sample, [1, 2], 3); t(random.sample, {1, 2}, 1); t(random.sample, {'a': 1}, 1); t(random.sample, [1, 2], -1)
t(random.sample, [1, 2]); t(random.sample, [1, 2], 1.5); t(random.sample, [1, 2], 'a')
t(random.sample, ['a', 'b'], 3, counts=[2]); t(random.sample, ['a', 'b'], 3, counts=[2, 1.5]); t(random.sample, ['a', 'b'], 3, counts=[0, 0])
t(random.choices, [1, 2], 3); t(random.choices, [], k=2); t(random.choices, [1, 2], [1]); t(random.choices, [1, 2], [0, 0])
t(random.choices, [1, 2], [1, 2], cum_weights=[1, 2]); t(random.choices, [1, 2], [1, float('inf')]); t(random.choices, [], [])
t(random.choices, [1, 2], 2.5); t(random.choices, [1, 2], k=2.0)
t(random.uniform, 1); t(random.uniform, 'a', 'b'); t(random.expovariate); t(random.expovariate, 0)
t(random.gammavariate, 0, 1); t(random.gammavariate, 1); t(random.paretovariate, 0); t(random.normalvariate, 1, 2, 3)
t(random.setstate, (1, 2, 3)); t(random.setstate, 5)
t(random.Random, 1, 2); t(random.Random.random, 5)
