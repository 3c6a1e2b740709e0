# Semaphore acquire/release/locked; a plain Semaphore may be released above its start value.
import asyncio


async def main():
    sem = asyncio.Semaphore(1)
    print(sem.locked())
    print(await sem.acquire(), sem.locked())
    sem.release()
    sem.release()
    print("released twice, locked:", sem.locked())
    await sem.acquire()
    await sem.acquire()
    print("acquired twice, locked:", sem.locked())
    zero = asyncio.Semaphore(0)
    print("Semaphore(0) locked:", zero.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
