# async for over a class with __aiter__/__anext__ that ends with StopAsyncIteration.
import asyncio


class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.i += 1
        return self.i


async def main():
    async for v in Ticker(3):
        print("value", v)
    else:
        print("loop finished normally")
    got = []
    async for v in Ticker(0):
        got.append(v)
    print("empty:", got)

asyncio.run(main())
