# wait_for returns the result when the awaitable finishes in time; timeout=None waits forever.
import asyncio


async def compute(x, delay):
    await asyncio.sleep(delay)
    return x + 1


async def main():
    print(await asyncio.wait_for(compute(1, 0.1), timeout=0.5))
    print(await asyncio.wait_for(compute(2, 0.1), None))
    t = asyncio.create_task(compute(3, 0))
    print(await asyncio.wait_for(t, 1))
    print(t.done())

asyncio.run(main())
