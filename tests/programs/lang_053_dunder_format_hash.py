# __format__, __hash__/__eq__ in sets and dicts, __contains__ with custom objects
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        value = self.cents / 100
        if spec == "":
            return f"${value:.2f}"
        return f"${value:{spec}}"
    def __str__(self):
        return f"{self.cents}c"
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
m = Money(12345)
print(f"{m}", f"{m:>12,.2f}", format(m, ".1f"), "{:}".format(m), "{!s}".format(m), str(m))
prices = {Money(100): "one", Money(250): "two fifty"}
print(prices[Money(100)], Money(250) in prices, Money(1) in prices)
unique = {Money(5), Money(5), Money(7)}
print(len(unique), sorted(x.cents for x in unique) if False else sorted([x.cents for x in unique]))
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P{self.x, self.y}"
seen = set()
for p in [Point(1, 2), Point(1, 2), Point(2, 1)]:
    if p in seen:
        print("duplicate", p)
    seen.add(p)
print(len(seen), Point(2, 1) in seen)
visits = {}
for p in [Point(0, 0), Point(0, 0), Point(1, 1)]:
    visits[p] = visits.get(p, 0) + 1
print(visits)
class Range:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __contains__(self, x):
        return self.lo <= x < self.hi
r = Range(10, 20)
print(15 in r, 20 in r, 5 not in r, [x for x in (5, 10, 19, 25) if x in r])
class Plain:
    pass
p1 = Plain()
print(hash(p1) == hash(p1), p1 in {p1}, {p1: 1}[p1])
