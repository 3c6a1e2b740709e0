# randrange and randint errors, with CPython 3.11's messages.
import random


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


random.seed(0)
for args in [(5, 5), (0,), (-3,), (1, 10, 0), (10, 1), (10, 1, 1), (1, 10, -1), (1.5,), (1, 2, 3, 4), (),
             ('a',), (1, None, 2), (1, 10, 2.5), (10, 1.5), (-5, -10), (3, 7, -1)]:
    t(random.randrange, *args)
for args in [(5, 1), (1.5, 3), (1,), ('a', 'b'), (3, 3), (-5, -5), (2, 1)]:
    t(random.randint, *args)
t(random.randint); t(random.randint, 1, 2, 3); t(random.randint, 1, a=1); t(random.randint, 1, 2, x=3)
t(random.getrandbits); t(random.getrandbits, -1); t(random.getrandbits, 1.5); t(random.getrandbits, k=3)
t(random.random, 1)
