# Event: wait() blocks until set(); is_set() and clear() reset it.
import asyncio


async def waiter(ev):
    print("waiter: waiting")
    r = await ev.wait()
    print("waiter: event seen, wait() returned", r)


async def main():
    ev = asyncio.Event()
    print("is_set:", ev.is_set())
    t = asyncio.create_task(waiter(ev))
    await asyncio.sleep(0.1)
    print("main: setting")
    ev.set()
    print("is_set:", ev.is_set())
    await t
    print(await ev.wait())
    ev.clear()
    print("after clear:", ev.is_set())

asyncio.run(main())
