# throw() and close() on a coroutine suspended in an await reach the
# innermost awaitable first, as when a task is cancelled: each level sees
# the exception at its await and may handle it.

class Cancelled(Exception):
    pass


class Future:
    """A bare awaitable: suspends once, handing itself to the driver."""

    def __init__(self, name):
        self.name = name

    def __await__(self):
        try:
            result = yield self
        except Cancelled:
            print("  future", self.name, "sees the cancellation")
            raise
        return result

    def __repr__(self):
        return "<Future %s>" % self.name


async def leaf():
    try:
        return await Future("leaf")
    finally:
        print("  leaf finally")


async def middle():
    try:
        value = await leaf()
    except Cancelled:
        print("  middle caught Cancelled, cleaning up")
        await Future("cleanup")
        return "middle gave up"
    return value


async def top():
    result = await middle()
    print("  top got", result)
    return result


t = top()
print("suspended at", t.send(None))
print("throw ->", t.throw(Cancelled))
try:
    t.send("cleanup done")
except StopIteration as e:
    print("finished with", repr(e.value))

# An exception nobody handles comes out of throw().
async def unguarded():
    return await leaf()


t = unguarded()
t.send(None)
try:
    t.throw(Cancelled("stop now"))
except Cancelled as e:
    print("throw raised", repr(e))

# close() closes the innermost first, running every finally block.
async def guarded(name, inner):
    try:
        return await inner
    finally:
        print("  closing", name)


t = guarded("outer", guarded("inner", leaf()))
print(t.send(None))
print("close ->", t.close())
try:
    t.send(None)
except RuntimeError as e:
    print(e)

# The awaited generator's return value finishes the await when throw() is
# handled there.
class Recovering:
    def __await__(self):
        try:
            yield "waiting"
        except Cancelled:
            return "recovered inside __await__"


async def uses_recovering():
    value = await Recovering()
    print("  await gave", repr(value))
    return value


c = uses_recovering()
c.send(None)
try:
    c.throw(Cancelled)
except StopIteration as e:
    print("result:", e.value)

# coro.__await__() gives an iterator over the coroutine's steps, so a class
# can wrap a coroutine as its own awaitable.
class Wrapped:
    def __init__(self, coro):
        self.coro = coro

    def __await__(self):
        return self.coro.__await__()


async def wrapped_user():
    return await Wrapped(leaf())


w = wrapped_user()
print(w.send(None))
try:
    w.send("value through the wrapper")
except StopIteration as e:
    print("wrapper result:", e.value)

it = leaf().__await__()
print(type(it).__name__, iter(it) is it)
print(next(it))
try:
    it.send(99)
except StopIteration as e:
    print("StopIteration", e.value)

# A generator can delegate to a coroutine's steps with yield from.
def legacy():
    result = yield from leaf().__await__()
    return "legacy got " + str(result)


g = legacy()
print(next(g))
try:
    g.send(5)
except StopIteration as e:
    print(e.value)
g = legacy()
next(g)
try:
    g.throw(Cancelled("through yield from"))
except Cancelled as e:
    print("thrown through:", e)
