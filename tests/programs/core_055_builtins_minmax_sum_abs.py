# min, max, sum, abs, len.
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max([4, 2, 8]))
print(min("b", "a", "c"), max("hello"), min((5, 3)), max(range(10)))
print(max(1, 2.5), min(-1, -1.5), max(True, 0), min([0.1, 0.01, 1]))
print(max([1, 3, 3]), min([[2], [1, 5], [1, 4]]), max((1, "b"), (1, "a")))
print(max({"b": 1, "a": 2}), min({3: "x", 1: "y"}))
print(sum([1, 2, 3]), sum([]), sum([1, 2, 3], 10), sum(range(101)), sum((0.5, 0.25)))
print(sum([0.1] * 10), sum([1, 2.5]), sum([True, True]), sum([], 5))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(float("-inf")))
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len(range(0, 10, 3)), len(""))
for args in [(), ([],)]:
    try:
        print(max(*args))
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)
try:
    min(1, "a")
except TypeError as e:
    print(e)
try:
    sum(["a", "b"])
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    abs("x")
except TypeError as e:
    print(e)
