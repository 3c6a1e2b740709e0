# join() waits until task_done() has been called once per item put.
import asyncio


async def worker(q):
    while True:
        item = await q.get()
        await asyncio.sleep(0.1)
        print("processed", item)
        q.task_done()


async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    w = asyncio.create_task(worker(q))
    await q.join()
    print("join returned, qsize", q.qsize())
    w.cancel()
    await asyncio.sleep(0)
    print("worker cancelled:", w.cancelled())
    await q.join()
    print("join on a finished queue returns at once")

asyncio.run(main())
