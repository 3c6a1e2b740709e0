# __str__ and __repr__, default instance repr, repr inside containers
class Plain:
    pass

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

class Named:
    def __init__(self, name):
        self.name = name
    def __str__(self):
        return f"Named<{self.name}>"

class Both(Point):
    def __str__(self):
        return f"({self.x}, {self.y})"

p = Point(1, "two")
print(p, str(p), repr(p), [p], {"k": p}, (p,))
n = Named("n")
print(n, str(n), [n][0].name)
print(repr(n)[:22], repr(Plain())[:22])
print(repr(Plain()).startswith("<__main__.Plain object at 0x"))
print(Plain())
print(Named("z"))
b = Both(3, 4)
print(b, repr(b), [b], f"{b}", f"{b!r}", "%s" % b if False else "{}".format(b))
print(f"{p}", "{!r}".format(p), format(b), str([b, n]).startswith("[Point(3, 4), <__main__.Named object"))
class Nested:
    class Inner:
        pass
print(Nested.Inner.__qualname__, Nested.Inner.__name__, repr(Nested.Inner())[:30])
print(Point, Nested.Inner, type(p), type(Point))
class Temp:
    def __init__(self, c):
        self.c = c
    def __repr__(self):
        return "Temp(%r)" % self.c
    def __str__(self):
        return "%.1f°C" % self.c
temps = [Temp(21.456), Temp(-3)]
print(temps, ", ".join(map(str, temps)), str(temps[0]))
