# Awaiting a plain value raises TypeError inside the coroutine; uncaught, it ends the program.
import asyncio


async def main():
    try:
        await "text"
    except TypeError as e:
        print("caught:", e)
    print("now uncaught:")
    await 5

asyncio.run(main())
