# Passes taken by wait_for, shield, wait and as_completed around coroutines that finish at once.
import asyncio

count = [0]


async def ticker():
    while True:
        count[0] += 1
        await asyncio.sleep(0)


async def instant():
    return "v"


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    b = count[0]
    r = await asyncio.wait_for(instant(), timeout=1)
    print("wait_for with a timeout:", count[0] - b, r)
    b = count[0]
    r = await asyncio.wait_for(instant(), timeout=None)
    print("wait_for with timeout=None:", count[0] - b, r)
    b = count[0]
    r = await asyncio.shield(instant())
    print("shield:", count[0] - b, r)
    b = count[0]
    done, pending = await asyncio.wait([asyncio.create_task(instant())])
    print("wait:", count[0] - b, len(done), len(pending))
    b = count[0]
    for f in asyncio.as_completed([instant()]):
        r = await f
    print("as_completed:", count[0] - b, r)
    b = count[0]
    async with asyncio.TaskGroup() as tg:
        tg.create_task(instant())
    print("TaskGroup with one instant task:", count[0] - b)
    t.cancel()

asyncio.run(main())
