# cancel(msg): the message travels in the CancelledError's args, inside the task and to whoever awaits it.
import asyncio


async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inside:", e.args)
        raise


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("outside:", e.args)
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result():", type(e).__name__, e.args)
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))

asyncio.run(main())
