# Tasks are named Task-N from a counter shared by the whole program; name= and set_name override it.
import asyncio


async def nop():
    await asyncio.sleep(0)


async def main():
    print("main is", asyncio.current_task().get_name())
    a = asyncio.create_task(nop())
    b = asyncio.create_task(nop(), name="custom")
    c = asyncio.create_task(nop())
    print(a.get_name(), b.get_name(), c.get_name())
    c.set_name("renamed")
    print(c.get_name())
    d = asyncio.create_task(nop(), name=42)
    print(repr(d.get_name()))
    await asyncio.gather(a, b, c, d)


async def second():
    print("second run's main is", asyncio.current_task().get_name())
    t = asyncio.create_task(nop())
    print("next task", t.get_name())
    await t

asyncio.run(main())
asyncio.run(second())
