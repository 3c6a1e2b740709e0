# Classic producer/consumer through an asyncio.Queue with a None sentinel.
import asyncio


async def producer(q):
    for i in range(5):
        await asyncio.sleep(0.05)
        print("produced", i)
        await q.put(i)
    await q.put(None)


async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            break
        print("consumed", item)
        total += item
    return total


async def main():
    q = asyncio.Queue()
    _, total = await asyncio.gather(producer(q), consumer(q))
    print("total", total)

asyncio.run(main())
