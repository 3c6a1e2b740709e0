# Queue.join with several joiners and workers; join on an empty queue returns at once.
import asyncio

log = []


async def worker(q, name):
    while True:
        item = await q.get()
        await asyncio.sleep(0)
        log.append(f"{name}:{item}")
        q.task_done()


async def joiner(q, name):
    await q.join()
    log.append(f"{name} joined")


async def main():
    q = asyncio.Queue()
    await q.join()
    log.append("empty join ok")
    for i in range(6):
        q.put_nowait(i)
    js = [asyncio.create_task(joiner(q, f"j{k}")) for k in range(2)]
    ws = [asyncio.create_task(worker(q, f"w{k}")) for k in range(3)]
    await q.join()
    log.append("main joined")
    await asyncio.sleep(0)
    for w in ws:
        w.cancel()
    await asyncio.gather(*ws, *js, return_exceptions=True)
    print("\n".join(log))
    print(str(q))

asyncio.run(main())
