# Cancelling the gather future cancels the children in argument order; the
# outer future is only cancelled in the end; messages travel.
import asyncio

log = []


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        log.append(f"{name} done")
        return name
    except asyncio.CancelledError as e:
        log.append(f"{name} cancelled {e.args}")
        raise


async def main():
    g = asyncio.gather(child("a", 0.5), child("b", 0), child("c", 0.5))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(g.cancel("stop"), g.done(), g.cancelled())
    try:
        await g
    except asyncio.CancelledError as e:
        print("outer raised", repr(e))
    print(log, g.cancelled(), g.done())
    print(g.cancel(), "after done")

    # with return_exceptions the cancellation still wins
    log.clear()
    g = asyncio.gather(child("d", 0.5), child("e", 0), return_exceptions=True)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    g.cancel()
    try:
        print(await g)
    except asyncio.CancelledError as e:
        print("outer raised", repr(e))
    print(log)

    # cancelling the task that awaits the gather
    log.clear()
    async def waits():
        return await asyncio.gather(child("f", 0.5), child("g", 0.5))
    t = asyncio.create_task(waits())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel("from outside")
    try:
        await t
    except asyncio.CancelledError as e:
        print("task raised", repr(e))
    print(log)

asyncio.run(main())
