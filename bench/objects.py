# Class instances: attribute access and method calls (classes come after
# the core language; loopbook reports an error here until then).
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Counter:
    def __init__(self):
        self.n = 0

    def tick(self, by):
        self.n += by
        return self.n


acc = Vec(0, 0)
step = Vec(1, 2)
c = Counter()
total = 0
for i in range(1000000):
    acc = acc.add(step)
    total += acc.dot(step) % 97
    c.tick(i & 3)
print(acc.x, acc.y, total, c.n)
