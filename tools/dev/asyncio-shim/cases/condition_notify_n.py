# Condition: notify(n) wakes the n oldest waiters; they re-take the lock one by
# one; notify_all; errors without the lock; repr.
import asyncio

log = []


async def waiter(cond, name):
    async with cond:
        log.append(f"{name} waits")
        r = await cond.wait()
        log.append(f"{name} woke {r} locked={cond.locked()}")


async def main():
    cond = asyncio.Condition()
    print(repr(cond).split("[")[1])
    ts = [asyncio.create_task(waiter(cond, n)) for n in "abcde"]
    await asyncio.sleep(0)
    print(repr(cond).split("[")[1])
    async with cond:
        cond.notify(2)
        log.append("notified 2")
        print(repr(cond).split("[")[1])
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    async with cond:
        ts[3].cancel()
        cond.notify(1)   # d is cancelled but not done yet: it still counts as not done
        log.append("notified 1")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
        log.append("notified all")
    await asyncio.gather(*ts, return_exceptions=True)
    for line in log:
        print(line)
    print([t.cancelled() for t in ts])
    for call in (cond.wait(), None):
        try:
            if call is None:
                cond.notify()
            else:
                await call
        except RuntimeError as e:
            print("RuntimeError:", e)
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with lock:
        print(c2.locked(), repr(c2).split("[")[1])

asyncio.run(main())
