# dict methods: get keys values items pop setdefault update.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", 99))
print(d.keys(), d.values(), d.items())
print(len(d.keys()), "a" in d.keys(), 2 in d.values(), ("a", 1) in d.items())
for k, v in d.items():
    print(k, "=>", v)
print(d.pop("a"), d, d.pop("zz", "default"))
print(d.setdefault("b", 100), d.setdefault("c", 3), d.setdefault("n"), d)
d.update({"b": 20, "e": 5})
print(d)
d.update(f=6, a=0)
print(d)
d.update([("g", 7), ("b", 200)])
print(d)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
keys = d.keys()
d["late"] = 1
print(keys)
total = 0
for v in d.values():
    if v is not None:
        total += v
print(total)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
e = {}
print(e.keys(), e.values(), e.items(), e.get(1))
