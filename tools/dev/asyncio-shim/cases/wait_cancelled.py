# Cancelling a task that waits in asyncio.wait leaves the awaited tasks running.
import asyncio


async def job(d):
    await asyncio.sleep(d)
    return d


async def waiter(ts):
    try:
        await asyncio.wait(ts, timeout=1)
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise


async def main():
    ts = [asyncio.create_task(job(0.02)), asyncio.create_task(job(0.01))]
    w = asyncio.create_task(waiter(ts))
    await asyncio.sleep(0)
    w.cancel()
    await asyncio.sleep(0)
    print(w.cancelled(), [t.done() for t in ts])
    done, pending = await asyncio.wait(ts)
    print(sorted(t.result() for t in done), pending)

asyncio.run(main())
