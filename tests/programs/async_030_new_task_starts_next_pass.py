# create_task does not run the coroutine: it starts on the next pass of the loop, once the creator yields.
import asyncio


async def child(name):
    print(name, "started")
    await asyncio.sleep(0)
    print(name, "second step")


async def main():
    asyncio.create_task(child("A"))
    asyncio.create_task(child("B"))
    print("main: tasks created")
    print("main: still running")
    await asyncio.sleep(0)
    print("main: after one sleep(0)")
    await asyncio.sleep(0)
    print("main: after two sleep(0)")

asyncio.run(main())
