# Task steps and call_soon callbacks share one FIFO ready queue.
import asyncio


async def task(name):
    print(name, "step 1")
    asyncio.get_running_loop().call_soon(print, "callback from", name)
    await asyncio.sleep(0)
    print(name, "step 2")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback 1")
    asyncio.create_task(task("T1"))
    loop.call_soon(print, "callback 2")
    asyncio.create_task(task("T2"))
    await asyncio.sleep(0)
    print("main 1")
    await asyncio.sleep(0)
    print("main 2")
    await asyncio.sleep(0)
    print("main 3")

asyncio.run(main())
