# gather.cancel() while a child swallows the cancellation: the gather still
# ends cancelled; the error comes from the last child.
import asyncio

log = []


async def stubborn(name):
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        log.append(f"{name} ignores cancel")
        await asyncio.sleep(0)
        return f"{name} result"


async def normal(name):
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def main():
    for order in ((stubborn, normal), (normal, stubborn), (stubborn, stubborn)):
        log.clear()
        g = asyncio.gather(order[0]("x"), order[1]("y"), return_exceptions=True)
        await asyncio.sleep(0)
        print("cancel ->", g.cancel("why"))
        try:
            print("result", await g)
        except asyncio.CancelledError as e:
            print("raised", repr(e))
        print(log)

    log.clear()
    g = asyncio.gather(stubborn("p"), stubborn("q"))
    await asyncio.sleep(0)
    g.cancel()
    try:
        print("result", await g)
    except asyncio.CancelledError as e:
        print("raised", repr(e))
    print(log)

asyncio.run(main())
