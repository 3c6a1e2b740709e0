# loop.create_task is create_task on an explicit loop; tasks are futures.
import asyncio


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


async def main():
    loop = asyncio.get_running_loop()
    t = loop.create_task(double(21))
    print(isinstance(t, asyncio.Task), isinstance(t, asyncio.Future))
    print(t.done())
    print(await t, t.done())
    u = loop.create_task(double(5), name="loop-made")
    print(u.get_name(), await u)

asyncio.run(main())
