# exception() and result() of a cancelled task raise CancelledError rather than returning.
import asyncio


async def forever():
    await asyncio.sleep(1)


async def main():
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    done, _ = await asyncio.wait([t])
    print(t in done, t.done(), t.cancelled())
    for name, method in [("exception", t.exception), ("result", t.result)]:
        try:
            method()
        except asyncio.CancelledError:
            print(name + "() raised CancelledError")

asyncio.run(main())
