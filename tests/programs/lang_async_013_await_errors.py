# CPython's TypeError and RuntimeError messages around await and async with.

def run(coro):
    try:
        while True:
            print("  runner got", coro.send(None))
    except StopIteration as e:
        return e.value


async def attempt(label, make):
    try:
        await make()
    except (TypeError, RuntimeError, AttributeError) as e:
        print(label + ":", type(e).__name__ + ":", e)


class BadAwait:
    def __await__(self):
        return 42


class AwaitGivesCoroutine:
    def __await__(self):
        self.coro = nothing()
        return self.coro


async def nothing():
    return None


class Yields:
    def __await__(self):
        yield "yielded"


async def agen():
    yield 1


def awaiting(value):
    async def go():
        return await value
    return go


def entering(manager):
    async def go():
        async with manager:
            print("never")
    return go


class EnterGivesInt:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *exc):
        return False


class ExitGivesInt:
    async def __aenter__(self):
        return self

    def __aexit__(self, *exc):
        return 2


class OnlyEnter:
    async def __aenter__(self):
        return self


class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


async def main():
    await attempt("int", awaiting(1))
    await attempt("None", awaiting(None))
    await attempt("list", awaiting([]))
    await attempt("async generator", awaiting(agen()))
    await attempt("function", awaiting(nothing))
    await attempt("non-iterator", awaiting(BadAwait()))
    gives_coroutine = AwaitGivesCoroutine()
    await attempt("coroutine from __await__", awaiting(gives_coroutine))
    gives_coroutine.coro.close()
    done = nothing()
    await done
    await attempt("twice", awaiting(done))
    await attempt("__aenter__ result", entering(EnterGivesInt()))
    await attempt("__aexit__ result", entering(ExitGivesInt()))
    await attempt("no __aexit__", entering(OnlyEnter()))
    await attempt("sync manager", entering(SyncOnly()))
    await attempt("int manager", entering(5))


run(main())


# A coroutine that is suspended inside an await cannot be awaited elsewhere.
async def inner():
    await Yields()


async def outer(c):
    await c


c = inner()
print(c.send(None))
try:
    outer(c).send(None)
except RuntimeError as e:
    print(e)
c.close()


# Sending into a coroutine that is running (from inside itself).
async def selfish():
    me.send(None)


me = selfish()
try:
    me.send(None)
except ValueError as e:
    print(e)
