# classes: __init__, methods, class vs instance attributes
class Counter:
    instances = 0
    step = 1

    def __init__(self, name, start=0):
        self.name = name
        self.value = start
        Counter.instances += 1

    def tick(self, times=1):
        self.value += self.step * times
        return self

    def describe(self):
        return f"{self.name}={self.value}"

a = Counter("a")
b = Counter("b", 10)
a.tick().tick(3)
b.step = 5
b.tick()
print(a.describe(), b.describe(), Counter.instances, a.instances)
print(a.step, b.step, Counter.step, "step" in b.__dict__, "step" in a.__dict__)
Counter.step = 100
a.tick()
print(a.value, b.step)
del b.step
b.tick()
print(b.value)
print(a.__dict__, type(a).__name__, type(a) is Counter, Counter.__name__)
m = a.describe
print(m(), m.__name__, Counter.describe(a))
a.extra = [1, 2]
print(a.extra, hasattr(a, "extra"), hasattr(b, "extra"), getattr(b, "extra", "none"))
setattr(b, "value", -1)
print(b.value, getattr(b, "name"))
delattr(a, "extra")
print(hasattr(a, "extra"))
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, Empty.__name__, isinstance(e, Empty), isinstance(e, object))
class Shared:
    items = []
    def add(self, v):
        self.items.append(v)
s1, s2 = Shared(), Shared()
s1.add(1)
s2.add(2)
print(s1.items, s2.items, Shared.items is s1.items)
