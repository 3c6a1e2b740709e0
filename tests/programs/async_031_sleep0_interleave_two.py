# sleep(0) yields exactly once: two tasks alternate step by step.
import asyncio


async def count(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    print(name, "done")


async def main():
    await asyncio.gather(count("ping", 3), count("pong", 4))

asyncio.run(main())
