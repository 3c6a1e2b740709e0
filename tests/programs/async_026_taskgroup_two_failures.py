# Two TaskGroup tasks failing in the same loop pass both end up in the ExceptionGroup, in failure order.
import asyncio


async def fail(exc):
    await asyncio.sleep(0)
    raise exc


async def never():
    await asyncio.sleep(0.5)
    raise ValueError("never raised")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(KeyError("k")))
            tg.create_task(fail(TypeError("t")))
            tg.create_task(never())
    except ExceptionGroup as eg:
        print(eg)
        print([repr(e) for e in eg.exceptions])
        print(len(eg.exceptions))

asyncio.run(main())
