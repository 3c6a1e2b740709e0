# gather and wait_for wrap coroutines in tasks, which take the next Task-N names.
import asyncio


async def whoami():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()


async def main():
    print(await asyncio.gather(whoami(), whoami()))
    print(await asyncio.wait_for(whoami(), timeout=1))
    t = asyncio.create_task(whoami())
    print(await asyncio.gather(t, whoami()))
    print(await whoami())

asyncio.run(main())
