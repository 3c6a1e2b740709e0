# cancel() throws CancelledError into the task at its await; finally blocks run; awaiting it raises CancelledError.
import asyncio


async def worker():
    print("worker: start")
    try:
        await asyncio.sleep(1)
        print("worker: not reached")
    except asyncio.CancelledError:
        print("worker: cancelled at the await")
        raise
    finally:
        print("worker: finally")


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    print("cancel() ->", t.cancel())
    print("done right after cancel():", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("main: awaiting the task raised CancelledError")
    print("cancelled:", t.cancelled(), "done:", t.done())

asyncio.run(main())
