# Generator state, close, throw and errors.
def running_average():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = running_average()
next(avg)
for v in [10, 20, 30, 5]:
    print(avg.send(v))


def guarded():
    try:
        yield "a"
        yield "b"
    except GeneratorExit:
        print("closing")
        raise
    finally:
        print("finally")


g = guarded()
print(next(g))
g.close()
g.close()
print(list(g))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def fresh():
    yield 1


f = fresh()
try:
    f.send(5)
except TypeError as e:
    print("TypeError:", e)


def reentrant():
    yield next(r)


r = reentrant()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)


def counter():
    yield 1
    yield 2


c = counter()
print(next(c), next(c), next(c, "empty"))
try:
    next(c)
except StopIteration as e:
    print("StopIteration", e.value, e.args)


def divide():
    yield 1 / 0


try:
    list(divide())
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
