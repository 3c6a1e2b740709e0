# Without return_exceptions, gather raises the first exception at once; the other awaitables keep running.
import asyncio


async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("bad one")


async def slow(log):
    await asyncio.sleep(0.3)
    log.append("slow finished anyway")
    return "slow result"


async def main():
    log = []
    s = asyncio.create_task(slow(log))
    try:
        await asyncio.gather(bad(), s)
    except ValueError as e:
        print("gather raised:", e)
        print("slow still running:", not s.done())
    print(await s)
    print(log)

asyncio.run(main())
