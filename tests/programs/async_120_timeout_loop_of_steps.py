# One asyncio.timeout around a loop of steps: the steps before the deadline finish, the rest are cut off.
import asyncio


async def main():
    done = []
    try:
        async with asyncio.timeout(0.35):
            for i in range(10):
                await asyncio.sleep(0.1)
                done.append(i)
    except TimeoutError:
        print("deadline hit after steps", done)

asyncio.run(main())
