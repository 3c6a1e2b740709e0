# tuples: packing, unpacking, methods, comparison, nesting
point = 3, 4
x, y = point
print(point, x, y, type(point).__name__)
single = (1,)
empty = ()
print(single, empty, len(single), len(empty), (1), ((1,),))
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.index(3), t.index(2, 2), t[1:4], t[::-1])
print((1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (2,) > (1, 9), (1, 2) == (1, 2))
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
a, (b, c), d = 1, (2, 3), 4
print(a, b, c, d)
for i, (name, score) in enumerate([("x", 1), ("y", 2)]):
    print(i, name, score)
a, b = 1, 2
a, b = b, a
print(a, b)
print(tuple([1, 2]), tuple("hi"), tuple(range(3)), tuple({"k": 0}), tuple())
print(repr(("it's",)), str((None, True, 1.5)), hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    p, q = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    p, *q, r = (1,)
except ValueError as e:
    print("ValueError:", e)
nested = ((1, 2), (3, 4))
print([list(p) for p in nested], dict(nested), max(nested), sum(t), 2 in t)
