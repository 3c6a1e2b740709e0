# Task creation and switching: 100,000 tasks, each yielding three times with sleep(0), gathered.
import asyncio

N = 100_000


async def worker(i):
    total = i
    await asyncio.sleep(0)
    total += 1
    await asyncio.sleep(0)
    total *= 3
    await asyncio.sleep(0)
    return total % 1009


async def main():
    results = await asyncio.gather(*[worker(i) for i in range(N)])
    print(len(results), sum(results))


asyncio.run(main())
