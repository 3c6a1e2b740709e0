# Cancelling a task that awaits another task cancels the inner one too; the innermost finally runs first.
import asyncio


async def inner():
    try:
        await asyncio.sleep(1)
    finally:
        print("inner finally")


async def outer():
    t = asyncio.create_task(inner())
    try:
        await t
    finally:
        print("outer finally, inner cancelled:", t.cancelled())


async def main():
    o = asyncio.create_task(outer())
    await asyncio.sleep(0.1)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("outer cancelled:", o.cancelled())

asyncio.run(main())
