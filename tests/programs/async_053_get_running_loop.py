# get_running_loop() works only inside a coroutine; get_event_loop() there returns the same loop.
import asyncio


async def helper():
    return asyncio.get_running_loop()


async def main():
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_running_loop())
    print(loop is asyncio.get_event_loop())
    print(loop is await helper())
    print(loop is await asyncio.create_task(helper()))
    return loop

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside:", e)
first = asyncio.run(main())
second = asyncio.run(main())
print("each asyncio.run makes a new loop:", first is not second)
