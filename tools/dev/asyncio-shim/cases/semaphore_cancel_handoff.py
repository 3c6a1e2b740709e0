# Semaphore: release() hands the unit to the first waiter at once; a woken
# waiter cancelled before it runs gives it back to the next; locked() and repr.
import asyncio

log = []


async def worker(sem, name):
    try:
        async with sem:
            log.append(f"{name} in")
            await asyncio.sleep(0)
            log.append(f"{name} out")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")


def state(sem):
    return repr(sem).split("[")[1]


async def main():
    sem = asyncio.Semaphore(2)
    print(state(sem), sem.locked())
    ts = [asyncio.create_task(worker(sem, n)) for n in "abcdef"]
    await asyncio.sleep(0)
    print(state(sem), sem.locked(), log)
    await asyncio.sleep(0)   # a and b leave; c and d are woken
    print(state(sem), log)
    ts[2].cancel()           # c was woken but has not run
    await asyncio.gather(*ts)
    print(log)
    print(state(sem))
    s0 = asyncio.Semaphore(0)
    print(state(s0), s0.locked())
    s0.release()
    print(state(s0), s0.locked())
    t = asyncio.create_task(s0.acquire())
    await asyncio.sleep(0)
    print(state(s0), t.result())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
