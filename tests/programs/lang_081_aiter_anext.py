# The builtins aiter() and anext(), with and without anext's default,
# awaited and driven by hand, and their TypeErrors.


async def agen(n):
    for i in range(n):
        yield i


class Counter:
    """An async iterator whose __anext__ is a coroutine."""

    def __init__(self, stop):
        self.i = 0
        self.stop = stop

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.stop:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class Suspend:
    def __await__(self):
        yield "suspended"


class Slow:
    """__anext__ suspends once before answering."""

    def __init__(self):
        self.done = False

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend()
        if self.done:
            raise StopAsyncIteration
        self.done = True
        return "slow value"


def run(coro):
    """Drive a coroutine by hand; print what it passes through."""
    try:
        while True:
            print("  passed through:", coro.send(None))
    except StopIteration as s:
        return s.value


def error(f, *args):
    try:
        f(*args)
    except TypeError as e:
        print("TypeError:", e)


async def main():
    g = agen(2)
    print(aiter(g) is g)
    print(await anext(g), await anext(g))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("exhausted: StopAsyncIteration")
    print("default:", await anext(g, "no more"))
    print("default None:", await anext(agen(0), None))

    c = Counter(2)
    it = aiter(c)
    print(it is c, await anext(it), await anext(it, "d"), await anext(it, "d"))

    s = Slow()
    print(await anext(s, "default"))
    print(await anext(s, "default"))

    # anext returns the awaitable; nothing runs until it is awaited
    g = agen(3)
    a = anext(g)
    b = anext(g, "x")
    print(type(a).__name__, type(b).__name__)
    print(await b, await a)

    # an async for over aiter()
    print([x async for x in aiter(agen(4))])
    return "main done"


print(run(main()))

# anext_awaitable driven by hand
g = agen(1)
aw = anext(g, "fallback")
print(aw.__await__() is aw, iter(aw) is aw)
try:
    aw.send(None)
except StopIteration as s:
    print("first:", s.value)
aw = anext(g, "fallback")
try:
    next(aw)
except StopIteration as s:
    print("at the end:", s.value)

# throw() and close()
async def catches():
    try:
        yield 1
    except KeyError:
        yield "caught"


g = catches()
run(g.asend(None))
aw = anext(g, "fallback")
try:
    aw.throw(KeyError)
except StopIteration as s:
    print("throw:", s.value)
aw = anext(g, "fallback")
try:
    aw.throw(KeyError("again"))
except StopIteration as s:
    print("throw at the end:", s.value)
except KeyError as e:
    print("KeyError out of throw:", e)

# errors
error(aiter, 1)
error(anext, 1)
error(anext, [1, 2])
error(aiter)
error(anext)
error(anext, agen(1), 1, 2)


class BadAiter:
    def __aiter__(self):
        return 42


error(aiter, BadAiter())


class OnlyAiter:
    def __aiter__(self):
        return self


error(aiter, OnlyAiter())


class RawAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return "not awaitable"


print(anext(RawAnext()))
try:
    run(anext(RawAnext(), "d").__await__().__next__())
except TypeError as e:
    print("TypeError:", e)


# throw() and close() reach what the anext_awaitable is suspended in
async def waits():
    try:
        return await anext(Slow(), "d")
    except KeyError:
        return "KeyError reached the awaiting coroutine"


c = waits()
print(c.send(None))
try:
    c.throw(KeyError)
except StopIteration as s:
    print(s.value)

c = waits()
c.send(None)
c.close()
print("closed")


# next() hands on the value of an iterator's StopIteration
class Stops:
    def __next__(self):
        raise StopIteration("the value")


try:
    next(Stops())
except StopIteration as s:
    print("next:", s.value, s.args)
