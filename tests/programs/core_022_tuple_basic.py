# Tuples: literals, single-element form, indexing, concatenation.
t = (1, 2, 3)
print(t, len(t), t[0], t[-1])
print((), (1,), (1, 2), ((1,),), ((), ()))
single = 5,
print(single, type(single), len(single))
u = 1, "two", 3.0
print(u)
print(t + (4,), t * 2, (0,) * 3, () + ())
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
print(type(()), type((1,)), (1) == 1, (1,) == 1)
x = (1, [2, 3])
x[1].append(4)
print(x)
print(t == (1, 2, 3), t < (1, 2, 4), (1, 2) + (3,) == t)
for item in t:
    print(item, end=" ")
print()
print(3 in t, 5 not in t)
pair = ("key", 42)
k, v = pair
print(k, v)
print(tuple, (None,), (True, False))
