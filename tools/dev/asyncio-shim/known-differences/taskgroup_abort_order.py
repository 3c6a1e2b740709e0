# CPython cancels the siblings in the order of a set of tasks (by address);
# loopbook cancels them in creation order.
import asyncio
async def child(i):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cancelled", i)
        raise
async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("x")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(8):
                tg.create_task(child(i))
            tg.create_task(bad())
    except ExceptionGroup as e:
        print(repr(e))
asyncio.run(main())
