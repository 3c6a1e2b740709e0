# asyncio.wait: the three return_when modes, timeout, error messages.
import asyncio


async def job(d, r, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError(r)
    return r


def names(fs):
    return sorted(t.get_name() for t in fs)


async def main():
    ts = [asyncio.create_task(job(d, d), name=f"j{d}") for d in (0.3, 0.1, 0.2)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(type(done).__name__, names(done), names(pending))
    done, pending = await asyncio.wait(pending, timeout=0.15)
    print(names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print(names(done), names(pending))

    ts = [asyncio.create_task(job(0.01, "e", True), name="e"),
          asyncio.create_task(job(0.02, "ok"), name="ok"),
          asyncio.create_task(job(0.05, "late"), name="late")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending))
    for t in ts:
        t.cancel()
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending), [t.cancelled() for t in ts])

    # all simultaneous: FIRST_COMPLETED still sees them all done
    ts = [asyncio.create_task(job(0, i)) for i in range(3)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    done, pending = await asyncio.wait(ts + ts)
    print(len(done), len(pending))

    lone = job(0, 0)
    for args, kw in [((set(),), {}), (([],), {}), ((ts,), {"return_when": "SOMETIMES"}),
                     ((ts[0],), {}), ((lone,), {})]:
        try:
            await asyncio.wait(*args, **kw)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    lone.close()
    c = job(0, 1)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("TypeError", e)
    await c
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

asyncio.run(main())
