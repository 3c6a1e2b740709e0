def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count(5)))
for x in count(3):
    print(x)
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(sum(x * x for x in range(10)))
print([y for y in (x + 1 for x in range(3))])

def deleg():
    r = yield from count(3)
    print("sub returned", r)
    yield "last"

print(list(deleg()))

def echo():
    got = None
    while True:
        got = yield got
        if got == "stop":
            return "bye"

e = echo()
print(next(e), e.send(1), e.send("x"))
try:
    e.send("stop")
except StopIteration as s:
    print("ret", s.value)

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
f = fin()
print(next(f))
f.close()
print(f)

def thrower():
    try:
        yield 1
    except ValueError as err:
        print("caught", err)
        yield 99
t = thrower()
next(t)
print(t.throw(ValueError("boom")))

def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as r:
    print("RuntimeError:", r)

def fibg():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fibg():
    if v > 100:
        break
    out.append(v)
print(out)
print(dict((k, k * 2) for k in "ab"), tuple(x for x in "xyz"), "-".join(str(i) for i in range(4)))
print(type(count(1)).__name__, count)
