# set literals, methods and operators
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([9], (10,)), a.intersection(range(3)), a.issubset(range(10)), a.issuperset({1}))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} > {1}, {1} >= {1}, a.isdisjoint({7, 8}))
s = set()
s.add(1)
s.add(1)
s.add("one")
print(len(s), 1 in s, "two" in s)
s.discard("one")
s.discard("missing")
s.remove(1)
print(s, set(), repr(set()))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
c = {5, 6}
print(c.pop() in {5, 6}, len(c))
c.clear()
print(c)
words = "to be or not to be".split()
print(sorted(set(words)), len(set(words)), set("aab") == {"a", "b"})
d = {10, 20}
d |= {30}
d &= {10, 30, 40}
print(sorted(d))
d -= {10}
d ^= {30, 50}
print(d)
e = {1, 2, 3}
e.update([4], {5})
e.difference_update({1})
e.intersection_update(range(4, 10))
print(e, e.copy(), frozenset({1}) if False else e.copy() == e)
print({(1, 2), (1, 2), (3, 4)} == {(3, 4), (1, 2)}, {1, 1.0, True})
try:
    {[1, 2]}
except TypeError as err:
    print("TypeError:", err)
print({x % 3 for x in range(10)}, {*"abc"} == set("abc"))
