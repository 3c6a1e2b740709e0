# gather and create_task reject things that cannot be awaited.
import asyncio


async def main():
    try:
        await asyncio.gather(asyncio.sleep(0), 42)
    except TypeError as e:
        print("gather:", e)
    try:
        asyncio.create_task(lambda: 1)
    except TypeError as e:
        print("create_task:", e)
    await asyncio.sleep(0)
    print("done")

asyncio.run(main())
