# gather without return_exceptions: the first error is raised at once and the
# other children keep running; a second error is only marked retrieved.
import asyncio

log = []


async def fail(d, msg):
    await asyncio.sleep(d)
    log.append(f"fail {msg}")
    raise ValueError(msg)


async def ok(d):
    await asyncio.sleep(d)
    log.append(f"ok {d}")
    return d


async def main():
    g = asyncio.gather(ok(0.05), fail(0.01, "first"), fail(0.03, "second"), ok(0))
    try:
        await g
    except ValueError as e:
        log.append(f"caught {e}")
    print(g.done(), g.exception())
    await asyncio.sleep(0.1)
    print(log)
    outer = asyncio.gather(asyncio.gather(ok(0), fail(0, "inner")), ok(0.01), return_exceptions=True)
    print(await outer)

asyncio.run(main())
