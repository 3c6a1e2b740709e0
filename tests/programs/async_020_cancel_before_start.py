# A task cancelled before it ever ran never executes its body.
import asyncio


async def body():
    print("body ran (should not happen)")


async def main():
    t = asyncio.create_task(body())
    t.cancel()
    print("pending?", not t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting raised CancelledError")
    print(t.cancelled())

asyncio.run(main())
