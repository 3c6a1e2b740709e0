# set() wakes every waiter; they resume in the order they started waiting, on the next pass.
import asyncio


async def waiter(i, ev):
    await ev.wait()
    print("waiter", i, "woke")


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(i, ev)) for i in range(4)]
    await asyncio.sleep(0)
    ev.set()
    print("set() returned before anyone woke")
    await asyncio.gather(*tasks)
    print("late waiter passes straight through:")
    await waiter(99, ev)

asyncio.run(main())
