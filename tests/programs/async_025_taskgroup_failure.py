# A failing TaskGroup task cancels its siblings; the block raises an ExceptionGroup holding the errors.
import asyncio


async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow sibling cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("first", 0.1))
            s = tg.create_task(slow())
    except ExceptionGroup as eg:
        print("caught", type(eg).__name__, eg.message)
        for e in eg.exceptions:
            print(" ", type(e).__name__, e)
        print("sibling cancelled:", s.cancelled())

asyncio.run(main())
