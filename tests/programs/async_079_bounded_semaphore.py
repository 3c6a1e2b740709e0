# BoundedSemaphore refuses to be released more times than it was acquired.
import asyncio


async def main():
    bs = asyncio.BoundedSemaphore(2)
    async with bs:
        print("inside, locked:", bs.locked())
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)
    print(isinstance(bs, asyncio.Semaphore))

asyncio.run(main())
