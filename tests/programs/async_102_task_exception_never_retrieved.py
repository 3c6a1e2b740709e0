# A task that fails with nobody awaiting it: the error is only logged to stderr and the program exits 0.
import asyncio


async def crash():
    await asyncio.sleep(0)
    raise ValueError("nobody is listening")


async def main():
    asyncio.create_task(crash())
    await asyncio.sleep(0.1)
    print("main finished normally")

asyncio.run(main())
print("after run")
