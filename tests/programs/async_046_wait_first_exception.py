# asyncio.wait(return_when=FIRST_EXCEPTION) returns when a task raises; exceptions stay inside the tasks.
import asyncio


async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"failed after {delay}")
    return delay


async def main():
    tasks = [asyncio.create_task(job(0.1)), asyncio.create_task(job(0.2, True)), asyncio.create_task(job(0.4))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), "done,", len(pending), "pending")
    for t in tasks:
        if t in done:
            print("exception:", repr(t.exception()))
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(pending)
    print([t.cancelled() for t in done], asyncio.FIRST_EXCEPTION)

asyncio.run(main())
