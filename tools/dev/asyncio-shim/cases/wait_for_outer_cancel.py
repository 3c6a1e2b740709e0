# Cancelling a task blocked in wait_for cancels the inner task and waits for it.
import asyncio

log = []


async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        log.append(f"inner cancelled {e.args}")
        await asyncio.sleep(0)
        log.append("inner cleanup done")
        raise


async def outer():
    try:
        return await asyncio.wait_for(inner(), 0.5)
    except asyncio.CancelledError as e:
        log.append(f"outer cancelled {e.args}")
        raise


async def quick():
    return "quick"


async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel("bye")
    for i in range(4):
        log.append(f"main pass {i} done={t.done()}")
        await asyncio.sleep(0)
    print("\n".join(log))
    print(t.cancelled())
    # cancelled after the inner already finished: the result wins
    async def outer2():
        return await asyncio.wait_for(quick(), 1)
    t2 = asyncio.create_task(outer2())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t2.cancel()
    try:
        print("t2", await t2)
    except asyncio.CancelledError:
        print("t2 cancelled")

asyncio.run(main())
