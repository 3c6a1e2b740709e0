# Condition.wait cancelled while it re-takes the lock: it waits for the lock
# anyway, then raises CancelledError holding it.
import asyncio

log = []


async def waiter(cond):
    await cond.acquire()
    try:
        await cond.wait()
        log.append("waiter returned normally")
    except asyncio.CancelledError:
        log.append(f"waiter cancelled, holds lock: {cond.locked()}")
        raise
    finally:
        cond.release()
        log.append("waiter released")


async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)      # waiter wakes, now blocks re-acquiring
    t.cancel()
    await asyncio.sleep(0)
    t.cancel()                  # a second cancel while it still waits for the lock
    await asyncio.sleep(0)
    log.append(f"main releases; task done={t.done()}")
    cond.release()
    try:
        await t
    except asyncio.CancelledError as e:
        log.append(f"task raised {e!r}")
    print("\n".join(log))
    print(cond.locked(), t.cancelled())

    # wait() cancelled before any notify
    t2 = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    t2.cancel("go")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("t2:", repr(e))
    print(log[-2:], cond.locked())

asyncio.run(main())
