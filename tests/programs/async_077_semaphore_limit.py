# Semaphore(2) lets at most two workers in at a time; the rest get in, in order, as others leave.
import asyncio
import time


async def worker(i, sem, running, peak):
    async with sem:
        running.append(i)
        peak[0] = max(peak[0], len(running))
        print("start", i)
        await asyncio.sleep(0.1 + 0.03 * i)  # distinct end times
        running.remove(i)
    print("left", i)


async def main():
    sem = asyncio.Semaphore(2)
    running, peak = [], [0]
    t0 = time.perf_counter()
    await asyncio.gather(*[worker(i, sem, running, peak) for i in range(5)])
    print("peak", peak[0], "elapsed", round(time.perf_counter() - t0, 1))

asyncio.run(main())
