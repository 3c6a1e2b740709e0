# Cancelling a gather cancels all of its children; the gather raises CancelledError.
import asyncio


async def child(n):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise


async def main():
    tasks = [asyncio.create_task(child(i)) for i in range(3)]
    g = asyncio.gather(*tasks)
    await asyncio.sleep(0.1)
    print("gather.cancel() ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError")
    print([t.cancelled() for t in tasks])

asyncio.run(main())
