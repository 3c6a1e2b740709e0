# gather returns results in argument order, not in completion order.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return name.upper()


async def main():
    results = await asyncio.gather(job("slow", 0.3), job("fast", 0.1), job("medium", 0.2))
    print(results)
    print(type(results).__name__)
    print(await asyncio.gather())

asyncio.run(main())
