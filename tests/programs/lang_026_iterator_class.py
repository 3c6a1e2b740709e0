# iterator classes with __iter__ and __next__
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)))
for n in Countdown(3):
    print("tick", n)
it = Countdown(2)
print(next(it), next(it), next(it, "done"))
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        return FibIter(self.limit)
class FibIter:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration()
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value
fib = Fib(50)
print(list(fib), list(fib), sum(fib), max(fib), 21 in fib)
print([x * 2 for x in Fib(10)], dict(zip(Fib(5), "abcdef")), sorted(Fib(8), reverse=True))
print(list(enumerate(Countdown(3))), list(map(str, Countdown(2))), tuple(Countdown(1)))
first, *rest = Countdown(4)
print(first, rest)
class Pairs:
    def __init__(self, items):
        self.items = items
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i + 1 >= len(self.items):
            raise StopIteration
        pair = (self.items[self.i], self.items[self.i + 1])
        self.i += 2
        return pair
print(dict(Pairs(["a", 1, "b", 2, "c"])))
class Bad:
    def __iter__(self):
        return 42
try:
    iter(Bad())
except TypeError as e:
    print("TypeError:", e)
try:
    for x in Bad():
        pass
except TypeError as e:
    print("TypeError:", e)
