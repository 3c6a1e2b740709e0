# gather(return_exceptions=True) puts exceptions in the result list instead of raising.
import asyncio


async def ok(x):
    await asyncio.sleep(0.1)
    return x


async def bad(msg):
    await asyncio.sleep(0.05)
    raise ValueError(msg)


async def main():
    res = await asyncio.gather(ok(1), bad("oops"), ok(3), bad("again"), return_exceptions=True)
    for r in res:
        print(type(r).__name__, r)
    print(repr(res[1]))

asyncio.run(main())
