# async with lock: only one task at a time runs the critical section, even across an await.
import asyncio


async def critical(name, lock, log):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(0.05)
        log.append(f"{name} out")


async def main():
    lock = asyncio.Lock()
    log = []
    print("locked before:", lock.locked())
    await asyncio.gather(*[critical(n, lock, log) for n in "ABC"])
    print(log)
    print("locked after:", lock.locked())

asyncio.run(main())
