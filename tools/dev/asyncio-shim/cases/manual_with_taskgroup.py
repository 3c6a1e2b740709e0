# TaskGroup driven through __aenter__/__aexit__ by hand (what `async with`
# does), so that it also runs where `async with` is not compiled yet.
import asyncio

log = []


async def run_group(body):
    tg = asyncio.TaskGroup()
    entered = await tg.__aenter__()
    log.append(f"entered {entered is tg} {tg!r}")
    try:
        await body(tg)
    except BaseException as e:
        if not await tg.__aexit__(type(e), e, None):
            raise
    else:
        await tg.__aexit__(None, None, None)
    log.append(f"exited {tg!r}")


async def child(name, d, fail=None):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        await asyncio.sleep(0)
        log.append(f"{name} cleanup done")
        raise
    if fail is not None:
        log.append(f"{name} fails")
        raise fail
    log.append(f"{name} ok")
    return name


async def all_ok(tg):
    a = tg.create_task(child("a", 0.02))
    b = tg.create_task(child("b", 0.01), name="bee")
    log.append(f"{a.get_name()} {b.get_name()} {tg!r}")


async def one_fails(tg):
    tg.create_task(child("slow", 1))
    tg.create_task(child("bad", 0.01, ValueError("v")))
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append(f"body cancelled {tg!r}")
        raise


async def body_fails(tg):
    tg.create_task(child("victim", 1))
    await asyncio.sleep(0)
    raise KeyError("body")


async def two_fail(tg):
    tg.create_task(child("x", 0.01, TypeError("t")))
    tg.create_task(child("y", 0.01, LookupError("l")))


async def main():
    for body in (all_ok, one_fails, body_fails, two_fail):
        try:
            await run_group(body)
        except ExceptionGroup as eg:
            log.append(f"{body.__name__}: {eg} {eg.exceptions!r}")
        log.append(f"cancelling={asyncio.current_task().cancelling()}")
    tg = asyncio.TaskGroup()
    c = child("never", 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        log.append(str(e))
    c.close()

    async def outer():
        await run_group(lambda tg: child_then_wait(tg))

    async def child_then_wait(tg):
        tg.create_task(child("kid", 1))
        await asyncio.sleep(1)

    t = asyncio.create_task(outer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append(f"outer cancelled {t.cancelled()}")
    print("\n".join(log))

asyncio.run(main())
