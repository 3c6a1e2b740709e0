# asyncio.run cannot be called while a loop is running in the same thread.
import asyncio


async def inner():
    return "inner result"


async def main():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("awaiting it instead:", await c)

asyncio.run(main())
