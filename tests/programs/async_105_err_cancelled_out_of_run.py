# A CancelledError escaping asyncio.run prints with its module path: asyncio.exceptions.CancelledError.
import asyncio


async def victim():
    await asyncio.sleep(1)


async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel()
    print("awaiting a cancelled task without try")
    await t

asyncio.run(main())
