# async with asyncio.timeout(d): the body is cancelled at the deadline and TimeoutError comes out of the block.
import asyncio
import time


async def main():
    t0 = time.perf_counter()
    try:
        async with asyncio.timeout(0.2):
            print("sleeping 1 s")
            await asyncio.sleep(1)
            print("not reached")
    except TimeoutError:
        print("timed out")
    print("elapsed", round(time.perf_counter() - t0, 1))

    async with asyncio.timeout(0.5):
        await asyncio.sleep(0.1)
        print("finished in time")

    async with asyncio.timeout(None):
        await asyncio.sleep(0.1)
        print("no deadline")
    print("total", round(time.perf_counter() - t0, 1))

asyncio.run(main())
