# Task.done/result/exception: reading too early raises InvalidStateError; a failed task re-raises its error.
import asyncio


async def ok():
    await asyncio.sleep(0.1)
    return "value"


async def fails():
    await asyncio.sleep(0.1)
    raise KeyError("missing")


async def main():
    t = asyncio.create_task(ok())
    for method in (t.result, t.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print(type(e).__name__, e)
    await t
    print(t.done(), t.result(), t.exception())
    f = asyncio.create_task(fails())
    await asyncio.wait([f])
    print(f.done(), repr(f.exception()))
    try:
        f.result()
    except KeyError as e:
        print("result() raised", repr(e))

asyncio.run(main())
