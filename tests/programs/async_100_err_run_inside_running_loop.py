# The same RuntimeError uncaught ends the program with exit status 1.
import asyncio


async def inner():
    return 1


async def main():
    c = inner()
    try:
        asyncio.run(c)
    finally:
        await c
        print("inner coroutine awaited, error goes on")

asyncio.run(main())
