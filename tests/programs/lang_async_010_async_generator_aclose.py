# aclose(): GeneratorExit at the async generator's yield. Its finally blocks
# run, and may await; yielding instead is a RuntimeError.

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


async def stream(name):
    try:
        for i in range(10):
            yield "%s%d" % (name, i)
    finally:
        print("  closing", name)
        await Pause("flush " + name)
        print("  closed", name)


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("  stubborn ignores GeneratorExit")
        yield 2


async def catches():
    try:
        yield 1
    except GeneratorExit:
        print("  saw GeneratorExit")
        raise


async def main():
    s = stream("s")
    print(await s.__anext__(), await s.__anext__())
    print("aclose ->", await s.aclose())
    try:
        await s.__anext__()
    except StopAsyncIteration:
        print("closed generators are exhausted")
    print("aclose again ->", await s.aclose())

    # closing a generator that never started runs nothing
    print("unstarted ->", await stream("u").aclose())

    st = stubborn()
    await st.__anext__()
    try:
        await st.aclose()
    except RuntimeError as e:
        print(e)

    c = catches()
    await c.__anext__()
    print("re-raised GeneratorExit ->", await c.aclose())

    # break out of async for, then close explicitly
    s = stream("b")
    async for item in s:
        print("item", item)
        if item == "b1":
            break
    await s.aclose()
    print("done")


run(main())

s = stream("m")
aw = s.aclose()
try:
    aw.send(None)
except StopIteration:
    print("aclose of an unstarted generator finishes at once")
try:
    aw.send(None)
except RuntimeError as e:
    print(e)
