# Unpacking from iterators whose next() runs Python code.
a, b = map(int, "1 2".split())
print(a, b)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n * 10


x, y, z = Countdown(3)
print(x, y, z)
p, (q, r), s = Countdown(4), (1, 2), "s"
print(p.n, q, r, s)


def pairs():
    yield "k", 1
    yield "j", 2


(k1, v1), (k2, v2) = pairs()
print(k1, v1, k2, v2)
first, *rest = Countdown(4)
print(first, rest)


class Enterless:
    def __exit__(self, *a):
        return False


class Exitless:
    def __enter__(self):
        return self


for cm in (Enterless(), Exitless()):
    try:
        with cm:
            pass
    except TypeError as e:
        print("TypeError:", e)
