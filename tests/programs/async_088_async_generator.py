# async for over an async generator that awaits between yields.
import asyncio


async def countdown(n, delay):
    while n > 0:
        await asyncio.sleep(delay)
        yield n
        n -= 1


async def squares(source):
    async for x in source:
        yield x * x


async def main():
    async for n in countdown(3, 0.05):
        print("tick", n)
    total = 0
    async for s in squares(countdown(4, 0)):
        total += s
    print("sum of squares", total)
    async for n in countdown(5, 0):
        if n == 3:
            break
        print("early", n)
    else:
        print("not printed")
    print("done")

asyncio.run(main())
