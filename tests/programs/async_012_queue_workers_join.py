# Several workers drain a queue; queue.join() returns once every item is task_done().
import asyncio


async def worker(name, q, done):
    while True:
        item = await q.get()
        await asyncio.sleep(item / 1000)
        done.append((name, item))
        q.task_done()


async def main():
    q = asyncio.Queue()
    for item in [300, 100, 250, 120, 40]:
        q.put_nowait(item)
    done = []
    workers = [asyncio.create_task(worker(f"w{i}", q, done)) for i in range(3)]
    await q.join()
    print(done)
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    print(q.qsize(), q.empty())

asyncio.run(main())
