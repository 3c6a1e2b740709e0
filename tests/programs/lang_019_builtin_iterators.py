# enumerate zip map filter any all reversed iter next
names = ["ada", "bob", "cy"]
ages = [36, 25]
print(list(enumerate(names)), list(enumerate(names, 1)), list(enumerate("ab", start=-1)))
print(list(zip(names, ages)), list(zip(names, ages, "xyz")), list(zip()), list(zip("ab")))
print(list(map(str.upper, names)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda n: n > 1, [0, 1, 2, 3])))
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), any(x > 2 for x in []) if False else any([x > 2 for x in [1, 3]]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
e = enumerate(["x", "y"])
print(next(e), next(e), type(e).__name__)
z = zip([1, 2], [3, 4])
print(next(z), list(z), list(z))
m = map(int, ["1", "2"])
print(type(m).__name__, sum(m), list(m))
r = reversed([1, 2])
print(type(r).__name__, next(r))
s = iter("hi")
print(next(s), list(s))
di = iter({"a": 1, "b": 2})
print(next(di), list(di))
print(dict(enumerate("ab")), dict(zip("ab", range(2))), sum(map(len, names)))
print([i * v for i, v in enumerate(range(5, 8))], list(zip(*[(1, "a"), (2, "b")])))
try:
    iter(5)
except TypeError as err:
    print("TypeError:", err)
try:
    next([1, 2])
except TypeError as err:
    print("TypeError:", err)
