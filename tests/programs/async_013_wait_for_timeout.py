# wait_for cancels the slow coroutine and raises TimeoutError (the builtin one in 3.11).
import asyncio
import time


async def slow():
    try:
        await asyncio.sleep(1)
        return "never"
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise


async def main():
    t0 = time.perf_counter()
    try:
        await asyncio.wait_for(slow(), timeout=0.2)
    except TimeoutError as e:
        print("caught", type(e).__name__, repr(str(e)))
    print("elapsed", round(time.perf_counter() - t0, 1))
    print(asyncio.TimeoutError is TimeoutError)

asyncio.run(main())
