# An ExceptionGroup from a TaskGroup propagating out of asyncio.run ends the program (exit 1).
import asyncio


async def boom():
    await asyncio.sleep(0.1)
    raise ValueError("boom in a task")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(boom())
        print("group started")

asyncio.run(main())
