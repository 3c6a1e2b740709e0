# Memory per task: 200,000 tasks all pending on one asyncio.Event, then event.set(), gathered.
import asyncio

N = 200_000


async def waiter(event, i):
    await event.wait()
    return 1


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, i)) for i in range(N)]
    await asyncio.sleep(0)  # every task is now blocked in event.wait()
    event.set()
    results = await asyncio.gather(*tasks)
    print("tasks", sum(results))


asyncio.run(main())
