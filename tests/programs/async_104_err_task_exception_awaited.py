# An exception inside a task re-raises where the task is awaited and escapes asyncio.run.
import asyncio


async def lookup(d, key):
    await asyncio.sleep(0)
    return d[key]


async def main():
    t = asyncio.create_task(lookup({"a": 1}, "a"))
    print("found", await t)
    t = asyncio.create_task(lookup({"a": 1}, "missing"))
    print("waiting for the failing task")
    await t

asyncio.run(main())
