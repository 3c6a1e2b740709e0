# repr of nested containers.
data = [1, [2, [3, [4, []]]], (5, (6,)), {"k": [7, {"n": (8,)}]}, "s", None]
print(data)
print(repr(data) == str(data))
print([[]], [()], [{}], ([],), ({},), {"a": []}, {"b": ()}, {"c": {}})
print({1: {2: {3: {}}}}, ((((),),),))
print([1.0, -2.5, 1e16, float('inf')], (0.1 + 0.2,))
print({"x": True, "y": False, "z": None})
print([["a", "b"], ("c", 'd"e'), {"f'g": "h"}])
row = [0, 0]
grid = [row, [1, 1], row]
print(grid)
print(str([1, "1"]), str(("1",)), str({"1": 1}))
print(len(str([1, 2, 3])), len(repr(())), len(str({})))
