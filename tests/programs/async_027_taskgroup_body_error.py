# An error in the async with body itself cancels the group's tasks and is reported in the ExceptionGroup.
import asyncio


async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("child cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0.1)
            raise RuntimeError("body failed")
    except ExceptionGroup as eg:
        print("group:", [type(e).__name__ + ": " + str(e) for e in eg.exceptions])

asyncio.run(main())
