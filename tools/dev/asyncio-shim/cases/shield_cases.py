# shield: the outer is cancelled but the inner keeps running; the inner's
# cancellation cancels the outer; errors; an already-done inner is returned as is.
import asyncio

log = []


async def inner(d, r, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        log.append(f"inner {r} cancelled")
        raise
    log.append(f"inner {r} done")
    if fail:
        raise KeyError(r)
    return r


async def guarded(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError as e:
        log.append(f"guarded cancelled {e.args}")
        raise


async def main():
    t = asyncio.create_task(inner(0.02, "A"))
    g = asyncio.create_task(guarded(t))
    await asyncio.sleep(0)
    g.cancel("outer go")
    await asyncio.sleep(0)
    log.append(f"g cancelled={g.cancelled()} t done={t.done()}")
    print(await t)

    t = asyncio.create_task(inner(0.5, "B"))
    g = asyncio.create_task(guarded(t))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await g
    except asyncio.CancelledError as e:
        log.append(f"g raised {e!r}")

    s = asyncio.shield(inner(0.01, "C", True))
    try:
        await s
    except KeyError as e:
        log.append(f"KeyError {e}")

    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result(5)
    log.append(f"same object: {asyncio.shield(f) is f}")
    s = asyncio.shield(f2 := loop.create_future())
    log.append(f"new object: {s is not f2}")
    s.cancel()
    f2.set_result(1)
    await asyncio.sleep(0)
    log.append(f"{s.cancelled()} {f2.result()}")
    print("\n".join(log))

asyncio.run(main())
