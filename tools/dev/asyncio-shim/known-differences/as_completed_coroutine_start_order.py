# CPython starts the tasks for coroutines in the order of a set (by address);
# loopbook starts them in argument order.
import asyncio
async def w(i):
    print("start", i)
    await asyncio.sleep(0.01*(5-i))
    return i
async def main():
    for f in asyncio.as_completed([w(i) for i in range(5)]):
        print(await f)
asyncio.run(main())
