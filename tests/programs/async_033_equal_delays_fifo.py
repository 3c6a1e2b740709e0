# Timers with the same delay fire in the order they were scheduled.
import asyncio


async def sleeper(i, delay, order):
    await asyncio.sleep(delay)
    order.append(i)


async def main():
    order = []
    tasks = [asyncio.create_task(sleeper(i, 0.1, order)) for i in range(10)]
    await asyncio.gather(*tasks)
    print(order)
    order.clear()
    await asyncio.gather(*[sleeper(i, 0.1, order) for i in range(10, 0, -1)])
    print(order)

asyncio.run(main())
