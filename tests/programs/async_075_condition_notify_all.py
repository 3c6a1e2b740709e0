# Condition.notify_all wakes every waiter; each re-acquires the lock in turn.
import asyncio


async def waiter(i, cond, log):
    async with cond:
        await cond.wait()
        log.append(i)
        print("waiter", i, "holds the lock:", cond.locked())


async def main():
    cond = asyncio.Condition()
    log = []
    tasks = [asyncio.create_task(waiter(i, cond, log)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    print(log)
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify without the lock:", e)

asyncio.run(main())
