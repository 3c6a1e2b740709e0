# TaskGroup waits for every task it started; results are read from the tasks afterwards.
import asyncio


async def work(name, delay):
    await asyncio.sleep(delay)
    print("done", name)
    return len(name)


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work("alpha", 0.2))
        b = tg.create_task(work("be", 0.1))
        c = tg.create_task(work("gamma!", 0.3), name="third")
        print("tasks started, leaving the block waits")
    print("after the block:", a.result(), b.result(), c.result(), c.get_name())

asyncio.run(main())
