# A future resolved later by call_later wakes the coroutine awaiting it.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    t0 = time.perf_counter()
    fut = loop.create_future()
    loop.call_later(0.2, fut.set_result, "ready")
    print("waiting")
    print(await fut, round(time.perf_counter() - t0, 1))
    fut2 = loop.create_future()
    loop.call_later(0.1, fut2.set_exception, TimeoutError("too slow"))
    try:
        await fut2
    except TimeoutError as e:
        print("raised", e, round(time.perf_counter() - t0, 1))

asyncio.run(main())
