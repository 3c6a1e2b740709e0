# Cancelling a task waiting for a Lock removes it from the line; the lock goes to the next waiter.
import asyncio


async def user(name, lock, log):
    try:
        async with lock:
            log.append(name)
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise


async def main():
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    a = asyncio.create_task(user("a", lock, log))
    b = asyncio.create_task(user("b", lock, log))
    c = asyncio.create_task(user("c", lock, log))
    await asyncio.sleep(0)
    b.cancel()
    lock.release()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print(log, lock.locked())

asyncio.run(main())
