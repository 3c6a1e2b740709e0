# Seeding with floats (their hash), strings (SHA-512, version 2), version 1 strings, None.
import random

for s in [3.5, -1.5, 0.0, 1.0, 1e100, 'hello', '', 'héllo wörld', 'a' * 200, '🐍']:
    random.seed(s)
    print(repr(s), random.random(), random.randint(1, 100))
random.seed(7, version=1)
print(random.random())
random.seed('seven', version=1)
print(random.random())
random.seed('', version=1)
print(random.random())
random.seed('seven', version=2)
print(random.random())
random.seed(1.0)
a = random.random()
random.seed(1)
print(a == random.random())
random.seed(None)
x = random.random()
random.seed()
print(0 <= x < 1, 0 <= random.random() < 1)
try:
    random.seed((1, 2))
except TypeError as e:
    print(e)
