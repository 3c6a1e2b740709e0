# Lock: a waiter woken by release() and cancelled before it runs passes the
# lock on; a newcomer cannot jump a woken waiter; reprs along the way.
import asyncio

log = []


async def ticker():
    i = 0
    while True:
        log.append(f"tick{i}")
        i += 1
        await asyncio.sleep(0)


async def user(name, lock):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        log.append(f"{name} cancelled, lock {lock.locked()}")
        raise
    log.append(f"{name} has it")
    await asyncio.sleep(0)
    lock.release()
    log.append(f"{name} released")


async def main():
    t = asyncio.create_task(ticker())
    lock = asyncio.Lock()
    print(repr(lock).split(" at ")[0], repr(lock).split("[")[1])
    await lock.acquire()
    users = [asyncio.create_task(user(n, lock)) for n in "abcd"]
    await asyncio.sleep(0)
    print(repr(lock).split("[")[1])
    lock.release()          # wakes a
    users[0].cancel()       # a is woken but cancelled before it runs
    newcomer = asyncio.create_task(user("new", lock))
    print(repr(lock).split("[")[1], lock.locked())
    await asyncio.gather(*users, newcomer, return_exceptions=True)
    print(log)
    print(repr(lock).split("[")[1])
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with lock as x:
        print("as", x, lock.locked())
    print(lock.locked())
    t.cancel()

asyncio.run(main())
