# Future.cancel: cancelled() is True, awaiting raises CancelledError, and it can no longer be set.
import asyncio


async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError:
        print("waiter: future was cancelled")
        return "handled"


async def main():
    fut = asyncio.get_running_loop().create_future()
    w = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    print("cancel ->", fut.cancel())
    print("cancel again ->", fut.cancel())
    print(fut.cancelled(), fut.done(), fut)
    print(await w)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("set_result:", e)
    try:
        fut.exception()
    except asyncio.CancelledError:
        print("exception() raised CancelledError")

asyncio.run(main())
