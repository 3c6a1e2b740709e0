# Lock: when every waiter is cancelled a newcomer takes the lock at once.
import asyncio


async def waiter(lock, name, log):
    try:
        async with lock:
            log.append(name)
    except asyncio.CancelledError:
        log.append(name + "!")


async def main():
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    ts = [asyncio.create_task(waiter(lock, n, log)) for n in "xyz"]
    await asyncio.sleep(0)
    for t in ts:
        t.cancel()
    lock.release()
    # The waiters are cancelled but still in the queue: acquire() sees only cancelled ones.
    r = await lock.acquire()
    print("newcomer got it at once:", r, log)
    await asyncio.sleep(0)
    print(log, lock.locked())
    lock.release()
    await asyncio.gather(*ts)
    print(log)

asyncio.run(main())
