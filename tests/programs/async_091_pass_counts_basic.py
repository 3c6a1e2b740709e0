# How many loop passes common awaits take, measured by a ticker task that counts one per pass.
import asyncio

count = [0]


async def ticker():
    while True:
        count[0] += 1
        await asyncio.sleep(0)


async def nothing():
    return "plain"


async def measure(label, aw):
    before = count[0]
    result = await aw
    print(f"{label}: {count[0] - before} passes, result {result!r}")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    await measure("sleep(0)", asyncio.sleep(0))
    await measure("sleep(0) again", asyncio.sleep(0, "r"))
    await measure("coroutine that never suspends", nothing())
    done = loop.create_future()
    done.set_result("early")
    await measure("already-done future", done)
    await measure("new task, no suspension", asyncio.create_task(nothing()))
    finished = asyncio.create_task(nothing())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await measure("finished task", finished)
    later = loop.create_future()
    loop.call_soon(later.set_result, "soon")
    await measure("future set by call_soon", later)
    await measure("gather of one coroutine", asyncio.gather(nothing()))
    await measure("gather of nothing", asyncio.gather())
    t.cancel()

asyncio.run(main())
