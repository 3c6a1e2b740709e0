# type isinstance issubclass callable getattr setattr hasattr id hash repr
class Node:
    def __init__(self, v):
        self.v = v
    def method(self):
        return self.v
n = Node(1)
print(type(n), type(n).__name__, type(Node), type(1), type("s"), type(None), type([]).__name__)
print(type(len), type(n.method).__name__, type(Node.method).__name__, type(print).__name__, type(lambda: 0).__name__)
print(isinstance(n, Node), isinstance(1, (str, int)), isinstance("x", str), isinstance(True, bool), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(KeyError, LookupError), issubclass(TypeError, ValueError))
print(callable(len), callable(n), callable(n.method), callable(Node), callable(None), callable("s"))
print(getattr(n, "v"), getattr(n, "w", "default"), hasattr(n, "method"), hasattr(n, "nope"), hasattr(Node, "method"))
setattr(n, "w", 5)
print(n.w, getattr(n, "method")(), getattr(Node, "method")(n))
print(id(n) == id(n), id(n) != id(Node(1)), n is n, hash("a") == hash("a"), hash(1) == 1, hash(None) == hash(None))
print(repr(1), repr("1"), repr([1, "1"]), repr(None), repr(1.0), repr(True), repr((1,)), repr({}))
print(str(), str(None), str(True), str([None]))
print(type(n)(5).v, type("")(12), type(3)("7"), list.__name__, int.__name__)
print(Node.__name__, Node.__qualname__, Node.__module__, n.__class__.__name__, n.__class__ is Node)
print(len("héllo"), len([1, 2]), len({1: 2}), len(range(10)), len(()), len(set("aabb")))
print(getattr(str, "upper")("x"), getattr([1, 2], "index")(2), getattr(5, "bit_length")() if hasattr(5, "bit_length") else 3)
try:
    getattr(n, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(Node, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(n, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(n, Node)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(n, "Node")
except TypeError as e:
    print("TypeError:", e)
