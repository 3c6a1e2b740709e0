# asyncio.sleep(delay, result) returns result; zero and negative delays just yield once.
import asyncio


async def main():
    print(await asyncio.sleep(0.1, "woke up"))
    print(await asyncio.sleep(0, result=[1, 2]))
    print(await asyncio.sleep(0))
    print(await asyncio.sleep(-5, "negative is like zero"))
    print(await asyncio.sleep(0.05, result=None))

asyncio.run(main())
