# Consumers blocked in get() are served in the order they started waiting.
import asyncio


async def consumer(name, q):
    item = await q.get()
    print(name, "got", item)


async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(consumer(f"c{i}", q)) for i in range(3)]
    await asyncio.sleep(0)
    print("all waiting; putting")
    for item in ["x", "y", "z"]:
        q.put_nowait(item)
    print("put done")
    await asyncio.gather(*tasks)

asyncio.run(main())
