# Condition: wait() releases the lock until notify(); notify(n) wakes n waiters in order.
import asyncio


async def consumer(name, cond, items):
    async with cond:
        await cond.wait()
        print(name, "woke, takes", items.pop(0))


async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(f"c{i}", cond, items)) for i in range(3)]
    await asyncio.sleep(0.1)
    async with cond:
        items.extend(["apple", "pear"])
        cond.notify(2)
        print("notified 2")
    await asyncio.sleep(0.1)
    async with cond:
        items.append("plum")
        cond.notify()
        print("notified 1")
    await asyncio.gather(*tasks)
    print("left:", items)

asyncio.run(main())
