# as_completed with a single coroutine (start order cannot differ) and a
# zero timeout.
import asyncio


async def job(d, r):
    await asyncio.sleep(d)
    return r


async def main():
    for f in asyncio.as_completed([job(0, "only")]):
        print(await f)
    fs = asyncio.as_completed([asyncio.create_task(job(0.1, "slow"))], timeout=0)
    for f in fs:
        try:
            print(await f)
        except TimeoutError:
            print("timed out")

asyncio.run(main())
