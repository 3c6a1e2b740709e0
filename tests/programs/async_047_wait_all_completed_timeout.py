# asyncio.wait with ALL_COMPLETED and a timeout: whatever is unfinished comes back in pending, not cancelled.
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.1, 0.2, 0.5)]
    done, pending = await asyncio.wait(tasks, timeout=0.3, return_when=asyncio.ALL_COMPLETED)
    print(sorted(t.result() for t in done))
    print(len(pending), [t.cancelled() for t in pending])
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), pending, asyncio.ALL_COMPLETED)

asyncio.run(main())
