# loop.call_soon passes positional arguments to the callback and returns a handle; the callback's return value is dropped.
import asyncio


def add(a, b, out):
    out.append(a + b)
    return "ignored"


async def main():
    loop = asyncio.get_running_loop()
    out = []
    h = loop.call_soon(add, 1, 2, out)
    print(h is not None, out)
    loop.call_soon(add, "x", "y", out)
    loop.call_soon(out.append, "direct method")
    await asyncio.sleep(0)
    print(out)

asyncio.run(main())
