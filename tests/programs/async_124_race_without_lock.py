# Without a lock, a read-await-write update loses increments: every task reads before any writes.
import asyncio

counter = 0


async def unsafe_increment():
    global counter
    current = counter
    await asyncio.sleep(0)
    counter = current + 1


async def main():
    await asyncio.gather(*[unsafe_increment() for _ in range(10)])
    print("counter after 10 unsafe increments:", counter)

asyncio.run(main())
