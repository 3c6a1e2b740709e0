# as_completed over tasks: completion order, errors, timeout for the rest.
import asyncio

log = []


async def job(d, r, fail=False):
    await asyncio.sleep(d)
    log.append(f"job {r} done")
    if fail:
        raise ValueError(r)
    return r


async def main():
    ts = [asyncio.create_task(job(d, r)) for d, r in ((0.03, "c"), (0.01, "a"), (0.02, "b"))]
    it = asyncio.as_completed(ts)
    print(type(it).__name__)
    for f in it:
        r = await f
        log.append(f"got {r}")
    print(log)
    log.clear()

    ts = [asyncio.create_task(job(0.01, "x", True)), asyncio.create_task(job(0.02, "y")),
          asyncio.create_task(job(0.5, "z"))]
    for f in asyncio.as_completed(ts, timeout=0.05):
        try:
            log.append(f"got {await f}")
        except ValueError as e:
            log.append(f"ValueError {e}")
        except TimeoutError as e:
            log.append(f"TimeoutError {e.args}")
    print(log, ts[2].done())
    ts[2].cancel()

    try:
        for f in asyncio.as_completed(ts[0]):
            pass
    except TypeError as e:
        print("TypeError", e)
    print(list(asyncio.as_completed([])))
    # the same task twice counts once
    t = asyncio.create_task(job(0, "dup"))
    fs = list(asyncio.as_completed([t, t]))
    got = []
    for f in fs:
        got.append(await f)
    print(len(fs), got)

asyncio.run(main())
