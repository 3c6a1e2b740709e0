# Cancelling the task that awaits shield(inner) cancels only the waiter; the shielded task completes.
import asyncio


async def inner(log):
    await asyncio.sleep(0.2)
    log.append("inner done")
    return 5


async def waiter(aw, log):
    try:
        return await asyncio.shield(aw)
    except asyncio.CancelledError:
        log.append("waiter cancelled")
        raise


async def main():
    log = []
    job = asyncio.create_task(inner(log))
    w = asyncio.create_task(waiter(job, log))
    await asyncio.sleep(0.1)
    w.cancel()
    await asyncio.sleep(0)
    print(log, "job done?", job.done())
    print("job result", await job)
    print(log, w.cancelled())

asyncio.run(main())
