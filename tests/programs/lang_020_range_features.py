# range objects: repr, len, indexing, slicing, membership, reversed
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2], r[1:4], r[::-1], list(r[::2]))
print(range(5), range(0, 5), range(1, 10, 2), range(10, 0, -3), list(range(10, 0, -3)))
print(5 in r, 6 in r, 20 in r, r.index(8), r.count(11), len(range(0)), list(range(-3)))
print(range(0, 10) == range(0, 10, 1), range(0) == range(5, 2), range(3) == range(4))
print(list(reversed(range(1, 8, 2))), sum(range(101)), max(range(7)), min(range(3, 9)))
print(bool(range(0)), bool(range(1)), range(3)[-3])
for i in range(3, 0, -1):
    print("countdown", i)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    r.index(3)
except ValueError as e:
    print("ValueError:", e)
print(list(range(0, -10, -2)), len(range(-5, 5, 3)), range(5)[1:-1])
