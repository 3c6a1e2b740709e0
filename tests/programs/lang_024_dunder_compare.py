# __eq__, __lt__ and friends; sorting custom objects; __hash__
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __repr__(self):
        return f"v{self.major}.{self.minor}"
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __hash__(self):
        return hash((self.major, self.minor))

vs = [Version(1, 2), Version(0, 9), Version(1, 0), Version(0, 9)]
print(sorted(vs), min(vs), max(vs))
print(Version(1, 0) == Version(1, 0), Version(1, 0) != Version(1, 1), Version(1, 0) == "1.0")
print(Version(1, 0) < Version(2, 0), Version(3, 0) > Version(2, 0))
print(len(set(vs)), Version(0, 9) in vs, vs.index(Version(1, 0)), vs.count(Version(0, 9)))
d = {Version(1, 0): "stable"}
print(d[Version(1, 0)])
try:
    Version(1, 0) <= Version(1, 1)
except TypeError as e:
    print("TypeError:", e)
class NoEq:
    pass
a, b = NoEq(), NoEq()
print(a == a, a == b, a != b, a is a)
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2))
try:
    hash(EqOnly(1))
except TypeError as e:
    print("TypeError:", e)
class Full:
    def __init__(self, v): self.v = v
    def __le__(self, o): return self.v <= o.v
    def __ge__(self, o): return self.v >= o.v
    def __gt__(self, o): return self.v > o.v
print(Full(1) <= Full(2), Full(1) >= Full(2), Full(3) > Full(2), Full(1) < Full(2))
try:
    NoEq() < NoEq()
except TypeError as e:
    print("TypeError:", e)
