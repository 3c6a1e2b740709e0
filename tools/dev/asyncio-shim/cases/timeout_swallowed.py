# The body swallows the timeout's CancelledError: no TimeoutError, but expired() is True.
import asyncio


async def main():
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("swallowed")
    print("after", cm.expired(), asyncio.current_task().cancelling())

    async with asyncio.timeout(0.01) as cm:
        pass
    await asyncio.sleep(0.02)
    print("expired?", cm.expired(), repr(cm))

asyncio.run(main())
