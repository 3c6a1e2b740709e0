# athrow(): the exception is raised at the async generator's yield. If the
# generator handles it and yields again, that value is the result of
# awaiting athrow(); if not, the exception propagates to the awaiter.

def run(coro):
    try:
        while True:
            print("  runner got", coro.send(None))
    except StopIteration as e:
        return e.value


class Pause:
    def __init__(self, what):
        self.what = what

    def __await__(self):
        yield self.what


async def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("  generator handles", repr(e))
            await Pause("recovering")
            n += 100
        n += 1


async def fragile():
    try:
        yield "first"
    finally:
        print("  fragile cleans up")
        await Pause("cleanup")


async def main():
    g = resilient()
    print(await g.__anext__())
    print("athrow ->", await g.athrow(ValueError("bad")))
    print("next ->", await g.__anext__())
    print("athrow class ->", await g.athrow(ValueError))
    print("athrow class and value ->", await g.athrow(ValueError, "text"))
    try:
        await g.athrow(KeyError("unhandled"))
    except KeyError as e:
        print("propagated", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("the generator is finished")
    # athrow() on a finished generator: nothing happens
    print("athrow after the end ->", await g.athrow(ValueError))

    f = fragile()
    print(await f.__anext__())
    try:
        await f.athrow(IndexError("boom"))
    except IndexError as e:
        print("after cleanup:", e)

    # athrow() before the generator started: raised at its very start
    f = fragile()
    try:
        await f.athrow(OSError("early"))
    except OSError as e:
        print("early:", e)
    try:
        await f.__anext__()
    except StopAsyncIteration:
        print("never started, now finished")

    g = resilient()
    await g.__anext__()
    try:
        await g.athrow(1)
    except TypeError as e:
        print(e)
    try:
        await g.athrow(ValueError("a"), "b")
    except TypeError as e:
        print(e)


run(main())
