# Tasks with seeded random delays finish in delay order; ties keep creation order.
import asyncio
import random


async def job(i, delay, order):
    await asyncio.sleep(delay)
    order.append(i)


async def main():
    random.seed(7)
    delays = [random.choice([0.1, 0.2, 0.3]) for _ in range(8)]
    print(delays)
    order = []
    await asyncio.gather(*[job(i, d, order) for i, d in enumerate(delays)])
    print(order)

asyncio.run(main())
