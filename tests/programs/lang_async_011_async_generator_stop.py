# How async generators end: returning (or falling off the end) is
# StopAsyncIteration for the awaiter; StopIteration or StopAsyncIteration
# raised inside the body become RuntimeError, as PEP 479 says.

def run(coro):
    try:
        while True:
            print("  runner got", coro.send(None))
    except StopIteration as e:
        return e.value


async def early(flag):
    yield "before"
    if flag:
        return
    yield "after"


async def raises_stop_async():
    yield 1
    raise StopAsyncIteration("inside")


async def raises_stop():
    yield 1
    raise StopIteration("inside")


async def raises_error():
    yield 1
    raise LookupError("inside")


async def drain(gen):
    items = []
    try:
        async for x in gen:
            items.append(x)
    except Exception as e:
        print("  drained", items, "then", type(e).__name__, e, "| cause:", repr(e.__cause__))
        return
    print("  drained", items)


async def main():
    await drain(early(True))
    await drain(early(False))
    await drain(raises_stop_async())
    await drain(raises_stop())
    await drain(raises_error())
    g = early(True)
    await g.__anext__()
    for attempt in range(2):
        try:
            await g.__anext__()
        except StopAsyncIteration as e:
            print("attempt", attempt, "StopAsyncIteration", e.args)


run(main())


# The same errors in plain generators and coroutines.
def plain():
    yield 1
    raise StopIteration


try:
    list(plain())
except RuntimeError as e:
    print(e)


async def coro():
    raise StopIteration


try:
    coro().send(None)
except RuntimeError as e:
    print(e)
