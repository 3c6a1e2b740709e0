# gather accepts coroutines and tasks alike, and gathers can nest.
import asyncio


async def square(x):
    await asyncio.sleep(0.1 * (x % 3))
    return x * x


async def main():
    t = asyncio.create_task(square(5))
    inner = asyncio.gather(square(1), square(2))
    res = await asyncio.gather(inner, t, square(3))
    print(res)
    print(t.done(), t.result())
    print(await asyncio.gather(*[square(i) for i in range(6)]))

asyncio.run(main())
