# Calling a coroutine function runs nothing: it returns a coroutine object, which runs when awaited.
import asyncio


async def main():
    print("main body runs")
    return "done"

c = main()
print("called main(), got", c)
print(type(c))
print(asyncio.iscoroutine(c), asyncio.iscoroutine(main))
print(asyncio.run(c))
