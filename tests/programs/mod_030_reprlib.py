# reprlib.repr: the limits per type (6 items of a list, 4 of a dict, 30 characters of a
# str with both ends kept, 40 digits of an int, nesting to 6 levels), sorted sets
# and dicts when they sort, and a Repr with limits of its own.
import reprlib
class Odd:
    def __repr__(self):
        return "Odd(" + "x" * 40 + ")"
class Bad:
    def __repr__(self):
        raise ValueError("no")
values = [
    1, -5, 10**50, -(10**45), 3.14, 1e300, True, None, "short", "a" * 40, "it's a 'quote' \"mixed\" string here",
    [1, 2, 3], list(range(10)), (1,), (), tuple(range(8)), [[[[[[[1]]]]]]], {"a": 1}, {i: str(i) for i in range(7)},
    {3, 1, 2}, set(range(9)), frozenset({5, 4}), frozenset(), set(), {1: [1, 2, {3: (4, 5)}]}, Odd(),
    {"b": 1, 2: "a"}, {(1, 2), "x"}, range(100),
]
for v in values:
    print(reprlib.repr(v))
print(reprlib.repr(Bad()).split(" at ")[0])
r = reprlib.Repr()
r.maxlist = 2
r.maxlevel = 1
print(r.repr([1, [2, 3], 4]))
print(r.repr([]), r.repr([[]]))
