# asyncio.timeout: states and reprs, reschedule, expired(), when(), errors.
import asyncio


def show(cm):
    r = repr(cm)
    if "when=" in r:
        r = r.split("when=")[0] + "when=..."
    return r


async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(0.05)
    print(show(cm), cm.expired(), type(cm).__name__)
    try:
        async with cm as same:
            print(same is cm, show(cm), cm.when() is not None)
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("TimeoutError", e.args, type(e.__cause__), type(e.__context__).__name__)
    print(show(cm), cm.expired())
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("RuntimeError", e)

    async with asyncio.timeout(None) as cm:
        print(show(cm), cm.when())
        cm.reschedule(loop.time() + 0.01)
        print(show(cm))
        cm.reschedule(None)
        await asyncio.sleep(0.02)
    print(show(cm), cm.expired())
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError", e)

    try:
        async with asyncio.timeout(0.5) as cm:
            cm.reschedule(loop.time() - 1)  # in the past: fires on the next pass
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("past deadline ->", show(cm))

    try:
        async with asyncio.timeout(0):
            print("body runs")
            await asyncio.sleep(0)
    except TimeoutError:
        print("zero timeout")

    async with asyncio.timeout(-1):
        print("no await, no timeout")

    try:
        async with asyncio.timeout_at(loop.time() + 0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at expired", cm.expired())

    cm = asyncio.timeout(1)
    try:
        cm.reschedule(2)
    except AssertionError:
        print("AssertionError on reschedule before enter")

asyncio.run(main())
