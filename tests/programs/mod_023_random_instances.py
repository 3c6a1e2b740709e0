# random.Random instances keep their own state; getstate/setstate replay a sequence.
import random

r = random.Random(99)
print(r.random(), r.randint(1, 100), random.Random('abc').random(), random.Random(x=5).random())
a, b = random.Random(1), random.Random(1)
print([a.random() for _ in range(3)] == [b.random() for _ in range(3)])
random.seed(1)
print(random.random() == random.Random(1).random())
print(type(r), random.Random, isinstance(r, random.Random))
r.seed(42)
print(r.random(), r.choice('abc'), r.sample(range(10), 3), r.gauss())
random.seed(123)
st = random.getstate()
first = [random.random() for _ in range(3)]
random.setstate(st)
print(first == [random.random() for _ in range(3)], st[0], len(st[1]), st[1][-1], st[2])
random.seed(5)
random.gauss()
st = random.getstate()
print(st[2])
g1 = random.gauss()
random.setstate(st)
print(g1 == random.gauss())
r2 = random.Random()
r2.setstate(r.getstate())
print(r2.random() == r.random())


class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)


d = Dice(3)
print([d.roll() for _ in range(10)])
