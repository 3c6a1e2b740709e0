# as_completed yields awaitables in completion order.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    aws = [job("c", 0.3), job("a", 0.1), job("b", 0.2)]
    for i, fut in enumerate(asyncio.as_completed(aws)):
        print(i, await fut)

asyncio.run(main())
