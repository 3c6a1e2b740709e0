import asyncio


async def countdown(n):
    while n > 0:
        print(n)
        await asyncio.sleep(1)
        n -= 1
    return "lift-off"


