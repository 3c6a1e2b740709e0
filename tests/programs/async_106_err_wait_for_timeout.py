# An uncaught wait_for timeout ends the program with the builtin TimeoutError.
import asyncio


async def main():
    print("waiting 0.1 s for a 1 s sleep")
    await asyncio.wait_for(asyncio.sleep(1), 0.1)

asyncio.run(main())
