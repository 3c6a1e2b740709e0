# A coroutine object can be awaited only once; a task can be awaited any number of times.
import asyncio


async def once():
    await asyncio.sleep(0)
    return "first time"


async def main():
    c = once()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = asyncio.create_task(once())
    print(await t, await t, await t)

asyncio.run(main())
