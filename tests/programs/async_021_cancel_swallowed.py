# A task that catches CancelledError and returns normally is not cancelled: its result is the returned value.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn: ignoring the cancel")
    await asyncio.sleep(0.1)
    return "still here"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    print("cancel ->", t.cancel())
    print("result:", await t)
    print("cancelled:", t.cancelled())

asyncio.run(main())
