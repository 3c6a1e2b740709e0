# cancel() returns True for a pending task, False once it is done; cancelled() tells which way it ended.
import asyncio


async def quick():
    return 7


async def sleeper():
    await asyncio.sleep(1)


async def main():
    a = asyncio.create_task(quick())
    await a
    print("done task: cancel() ->", a.cancel(), "cancelled() ->", a.cancelled(), "result", a.result())
    b = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("pending task: cancel() ->", b.cancel())
    print("second cancel() ->", b.cancel())
    print("cancelled() before it ran ->", b.cancelled())
    await asyncio.sleep(0)
    print("cancelled() after ->", b.cancelled())
    print("cancel() after it finished ->", b.cancel())

asyncio.run(main())
