# A pending task nobody holds is collected; its coroutine will not close
# (it awaits in its finally): "Exception ignored in" with the traceback of
# where the program is (gc.collect() in main), then the destroyed task.
import asyncio
import gc


async def stubborn():
    try:
        await asyncio.Event().wait()
    finally:
        await asyncio.sleep(0)


async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    gc.collect()
    print("collected")


asyncio.run(main())
# a non-zero exit makes the runner compare the last line of stderr
raise SystemExit(5)
