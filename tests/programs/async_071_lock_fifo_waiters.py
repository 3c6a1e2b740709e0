# Tasks waiting on a Lock get it in the order they asked for it.
import asyncio


async def user(name, lock, order):
    await lock.acquire()
    try:
        order.append(name)
        await asyncio.sleep(0)
    finally:
        lock.release()


async def main():
    lock = asyncio.Lock()
    order = []
    await lock.acquire()
    tasks = [asyncio.create_task(user(n, lock, order)) for n in ["t1", "t2", "t3", "t4"]]
    await asyncio.sleep(0.1)
    print("waiting while main holds the lock:", order)
    lock.release()
    await asyncio.gather(*tasks)
    print(order)

asyncio.run(main())
