# Passes taken by uncontended synchronisation primitives and queues (none need to suspend).
import asyncio

count = [0]


async def ticker():
    while True:
        count[0] += 1
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)

    lock = asyncio.Lock()
    b = count[0]
    await lock.acquire()
    print("free lock acquire:", count[0] - b)
    lock.release()

    ev = asyncio.Event()
    ev.set()
    b = count[0]
    await ev.wait()
    print("wait on a set event:", count[0] - b)

    q = asyncio.Queue()
    b = count[0]
    await q.put(1)
    item = await q.get()
    print("put then get on a queue:", count[0] - b, item)

    sem = asyncio.Semaphore(1)
    b = count[0]
    async with sem:
        pass
    print("async with a free semaphore:", count[0] - b)

    b = count[0]
    async with asyncio.timeout(1):
        pass
    print("empty timeout block:", count[0] - b)

    cond = asyncio.Condition()
    b = count[0]
    async with cond:
        await cond.wait_for(lambda: True)
    print("wait_for on a true predicate:", count[0] - b)
    t.cancel()

asyncio.run(main())
