# Passes between a wake-up (set, put, release, set_result) and the woken task running.
import asyncio

count = [0]


async def ticker():
    while True:
        count[0] += 1
        await asyncio.sleep(0)


async def wait_event(ev, out):
    await ev.wait()
    out.append(count[0])


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)

    ev = asyncio.Event()
    out = []
    w = asyncio.create_task(wait_event(ev, out))
    await asyncio.sleep(0)
    b = count[0]
    ev.set()
    await w
    print("event.set -> waiter ran after", out[0] - b, "passes; main resumed after", count[0] - b)

    fut = asyncio.get_running_loop().create_future()

    async def wait_fut():
        v = await fut
        out.append(count[0])
        return v

    w = asyncio.create_task(wait_fut())
    await asyncio.sleep(0)
    b = count[0]
    fut.set_result(1)
    await w
    print("set_result -> waiter ran after", out[1] - b, "passes; main resumed after", count[0] - b)

    q = asyncio.Queue()

    async def getter():
        v = await q.get()
        out.append(count[0])
        return v

    w = asyncio.create_task(getter())
    await asyncio.sleep(0)
    b = count[0]
    q.put_nowait("x")
    await w
    print("put_nowait -> getter ran after", out[2] - b, "passes; main resumed after", count[0] - b)
    t.cancel()

asyncio.run(main())
