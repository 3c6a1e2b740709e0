# async with on Lock and Semaphore releases them even when the body raises.
import asyncio


async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    try:
        async with lock:
            print("lock held:", lock.locked())
            raise RuntimeError("inside the lock")
    except RuntimeError as e:
        print("caught", e, "- lock held:", lock.locked())
    try:
        async with sem:
            print("semaphore locked:", sem.locked())
            raise RuntimeError("inside the semaphore")
    except RuntimeError as e:
        print("caught", e, "- semaphore locked:", sem.locked())
    async with lock, sem:
        print("both held:", lock.locked(), sem.locked())
    print("both free:", lock.locked(), sem.locked())

asyncio.run(main())
