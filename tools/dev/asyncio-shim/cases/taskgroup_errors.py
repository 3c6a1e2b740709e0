# TaskGroup: body errors, two child errors at once, RuntimeErrors of misuse,
# task names and the Task-N counter.
import asyncio


async def fail(d, exc):
    await asyncio.sleep(d)
    raise exc


async def ok(d, r):
    await asyncio.sleep(d)
    return r


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.01, KeyError("k")))
            tg.create_task(fail(0.01, TypeError("t")))
            tg.create_task(ok(0.01, 1))
    except ExceptionGroup as eg:
        print(eg, [repr(e) for e in eg.exceptions])

    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(ok(0.5, 1))
            raise ZeroDivisionError("body")
    except ExceptionGroup as eg:
        print(eg, [repr(e) for e in eg.exceptions], t.cancelled())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0, RuntimeError("child")))
            await asyncio.sleep(0.01)
    except ExceptionGroup as eg:
        print("group", eg.exceptions)

    tg = asyncio.TaskGroup()
    print(repr(tg))
    c = ok(0, 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print(e)
    c.close()
    async with tg:
        a = tg.create_task(ok(0, "a"))
        b = tg.create_task(ok(0, "b"), name="named")
        print(repr(tg), a.get_name(), b.get_name())
    print(repr(tg), a.result(), b.result(), asyncio.create_task(ok(0, 0)).get_name())
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print(e)
    c = ok(0, 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print(e)
    c.close()

    async def spawner(tg):
        await asyncio.sleep(0.01)
        c = ok(0, 0)
        try:
            tg.create_task(c)
        except RuntimeError as e:
            print(e)
            c.close()

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0, ValueError("v")))
            s = asyncio.create_task(spawner(tg))
    except ExceptionGroup as eg:
        print(eg)
    await s

asyncio.run(main())
