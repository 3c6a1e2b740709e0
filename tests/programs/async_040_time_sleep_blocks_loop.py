# time.sleep blocks the whole event loop: two tasks each sleeping 0.1 s with it take 0.2 s, not 0.1 s.
import asyncio
import time


async def blocking(name):
    print(name, "start")
    time.sleep(0.1)
    print(name, "end")


async def polite(name):
    print(name, "start")
    await asyncio.sleep(0.1)
    print(name, "end")


async def main():
    t0 = time.perf_counter()
    await asyncio.gather(blocking("b1"), blocking("b2"))
    print("time.sleep version:", round(time.perf_counter() - t0, 1))
    t0 = time.perf_counter()
    await asyncio.gather(polite("p1"), polite("p2"))
    print("asyncio.sleep version:", round(time.perf_counter() - t0, 1))

asyncio.run(main())
