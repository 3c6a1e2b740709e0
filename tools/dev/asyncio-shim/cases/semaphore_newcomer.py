# Semaphore fairness: after release() the unit belongs to the woken waiter;
# a task calling acquire() before that waiter runs must queue up.
import asyncio

log = []


async def acq(sem, name):
    await sem.acquire()
    log.append(name)


async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    a = asyncio.create_task(acq(sem, "a"))
    b = asyncio.create_task(acq(sem, "b"))
    await asyncio.sleep(0)
    sem.release()
    print("after release:", repr(sem).split("[")[1], sem.locked())
    n = asyncio.create_task(acq(sem, "newcomer"))
    await asyncio.sleep(0)
    print(log, repr(sem).split("[")[1])
    sem.release()
    sem.release()
    print(repr(sem).split("[")[1])
    await asyncio.gather(a, b, n)
    print(log, repr(sem).split("[")[1])
    # all waiters cancelled: locked() is False when the value is > 0
    sem2 = asyncio.Semaphore(0)
    ws = [asyncio.create_task(sem2.acquire()) for _ in range(2)]
    await asyncio.sleep(0)
    for w in ws:
        w.cancel()
    sem2.release()
    print(sem2.locked(), repr(sem2).split("[")[1])
    await asyncio.gather(*ws, return_exceptions=True)
    print(sem2.locked(), repr(sem2).split("[")[1])

asyncio.run(main())
