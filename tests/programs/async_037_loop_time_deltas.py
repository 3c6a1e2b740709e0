# loop.time() is a monotonic clock in seconds: its differences follow the sleeps.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    m0 = time.monotonic()
    p0 = time.perf_counter()
    w0 = time.time()
    await asyncio.sleep(0.2)
    print("loop.time", round(loop.time() - t0, 1))
    await asyncio.sleep(0.1)
    print("loop.time", round(loop.time() - t0, 1))
    print("monotonic", round(time.monotonic() - m0, 1))
    print("perf_counter", round(time.perf_counter() - p0, 1))
    print("time", round(time.time() - w0, 1))
    print(type(loop.time()).__name__, loop.time() >= t0)

asyncio.run(main())
