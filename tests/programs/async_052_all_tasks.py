# all_tasks() is the set of unfinished tasks of the running loop, the current one included.
import asyncio


async def napper(d):
    await asyncio.sleep(d)


async def main():
    print(len(asyncio.all_tasks()), [t.get_name() for t in asyncio.all_tasks()])
    ts = [asyncio.create_task(napper(0.1 * i), name=f"nap{i}") for i in range(1, 4)]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await ts[0]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*ts)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(type(asyncio.all_tasks()).__name__)

asyncio.run(main())
