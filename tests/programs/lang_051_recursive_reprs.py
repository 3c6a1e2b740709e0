# reprs of self-referencing containers and nested structures
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
d = {"name": "loop"}
d["self"] = d
print(d)
b = [a, d]
print(b)
c = {"k": [1, {"x": (2, 3)}], "s": {4}}
print(c, str(c) == repr(c))
t = ([],)
t[0].append(t)
print(t)
nested = [[[[]]]]
print(nested, len(nested[0][0]))
class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __repr__(self):
        if self.children:
            return f"Node({self.value!r}, {self.children!r})"
        return f"Node({self.value!r})"
tree = Node("root", [Node("a", [Node("a1")]), Node("b")])
print(tree)
print([tree.children[0]], {"tree": tree.children[1]})
empty = [[], {}, (), set(), "", None]
print(empty, [repr(x) for x in empty])
print(repr([1.0, -0.0, 1e100, 1.5e-9]), repr((True, False)), repr([None, ...]))
