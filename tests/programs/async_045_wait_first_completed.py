# asyncio.wait(return_when=FIRST_COMPLETED) returns (done, pending) sets as soon as one task finishes.
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    tasks = [asyncio.create_task(job(d), name=f"job{d}") for d in (0.3, 0.1, 0.2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.get_name() for t in done))
    print("pending:", sorted(t.get_name() for t in pending))
    print([t.result() for t in done])
    print(type(done).__name__, asyncio.FIRST_COMPLETED)
    done, pending = await asyncio.wait(pending)
    print("then:", sorted(t.result() for t in done), len(pending))

asyncio.run(main())
