# Dicts: literals, lookup, assignment, del, len, keys of several types.
d = {"a": 1, "b": 2}
print(d, len(d), d["a"], d["b"])
d["c"] = 3
d["a"] = 10
print(d)
del d["b"]
print(d, len(d))
print({}, len({}), {1: "one", 2.5: "x", (1, 2): "tuple", None: 0, True: "t"})
e = {1: "int one", 1.0: "float one", True: "bool one"}
print(e)
f = {}
f[(0, 0)] = "origin"
f[(1, 0)] = "east"
print(f[(0, 0)], f[(1, 0)], (1, 0) in f, (0, 1) in f)
g = {"x": {"y": {"z": [1, 2]}}}
g["x"]["y"]["z"].append(3)
print(g, g["x"]["y"]["z"][-1])
h = {"k": 1, "k": 2}
print(h)
counts = {}
for w in "the cat and the hat and the bat".split():
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts)
for key in counts:
    print(key, counts[key])
print(type({}), {"": ""}, {-1: -1})
