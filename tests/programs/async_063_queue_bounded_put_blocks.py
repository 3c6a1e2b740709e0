# With maxsize=2 the producer's put() waits until the consumer makes room.
import asyncio


async def producer(q, log):
    for i in range(5):
        await q.put(i)
        log.append(f"put{i}")
    await q.put(None)
    log.append("put-end")


async def consumer(q, log):
    while True:
        await asyncio.sleep(0.05)
        item = await q.get()
        log.append(f"get{item}")
        if item is None:
            return


async def main():
    q = asyncio.Queue(maxsize=2)
    log = []
    await asyncio.gather(producer(q, log), consumer(q, log))
    print(" ".join(log))

asyncio.run(main())
