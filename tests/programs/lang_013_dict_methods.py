# dict methods: get keys values items pop setdefault update copy clear popitem fromkeys
inv = {"apples": 3, "pears": 0}
print(inv.get("apples"), inv.get("kiwis"), inv.get("kiwis", 0))
print(list(inv.keys()), list(inv.values()), list(inv.items()))
print(inv.keys(), inv.values(), inv.items())
inv["kiwis"] = 12
print(inv.pop("pears"), inv.pop("none", "default"), inv)
print(inv.setdefault("apples", 100), inv.setdefault("plums", 7), inv)
inv.update({"apples": 1, "figs": 2})
inv.update(grapes=9)
inv.update([("limes", 4)])
print(inv)
c = inv.copy()
c["apples"] = -1
print(inv["apples"], c["apples"], len(c))
print(c.popitem(), c)
c.clear()
print(c, len(c), bool(c))
print(dict.fromkeys(["a", "b"]), dict.fromkeys("xy", 0))
print(dict(a=1, b=2), dict([("k", "v")]), dict({"z": 0}, y=1), dict(zip("ab", [1, 2])))
d = {}
for word in "the cat saw the other cat".split():
    d[word] = d.get(word, 0) + 1
print(d)
groups = {}
for n in range(10):
    groups.setdefault(n % 3, []).append(n)
print(groups)
print("cat" in d, "dog" not in d, 3 in {3: None})
try:
    inv.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
del inv["figs"]
print(inv, {**inv, "new": 1}, inv | {"x": 0} if False else {**inv, "x": 0})
print({1: "a", True: "b", 1.0: "c"})
