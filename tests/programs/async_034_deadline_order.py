# Timers fire by deadline, whatever the order they were created in.
import asyncio


async def wake(name, delay):
    await asyncio.sleep(delay)
    print("wake", name, delay)


async def main():
    delays = [0.3, 0.1, 0.4, 0.2, 0.05]
    await asyncio.gather(*[wake(chr(65 + i), d) for i, d in enumerate(delays)])
    print("all awake")

asyncio.run(main())
