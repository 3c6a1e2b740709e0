# asyncio.timeout driven through __aenter__/__aexit__ by hand.
import asyncio

log = []


async def with_timeout(cm, body):
    entered = await cm.__aenter__()
    log.append(f"entered {entered is cm} {cm!r}".split(" when=")[0])
    try:
        await body(cm)
    except BaseException as e:
        if not await cm.__aexit__(type(e), e, None):
            raise
    else:
        await cm.__aexit__(None, None, None)
    log.append(f"exited {cm!r} expired={cm.expired()}")


async def sleeps(cm):
    await asyncio.sleep(1)


async def quick(cm):
    await asyncio.sleep(0)


async def swallows(cm):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append("swallowed")


async def moves_deadline(cm):
    loop = asyncio.get_running_loop()
    cm.reschedule(loop.time() + 0.02)
    await asyncio.sleep(0.01)
    cm.reschedule(None)
    await asyncio.sleep(0.05)
    log.append(f"survived, when={cm.when()}")


async def main():
    loop = asyncio.get_running_loop()
    for delay, body in ((0.01, sleeps), (0.5, quick), (0.01, swallows), (0.01, moves_deadline),
                        (0, sleeps), (None, sleeps if False else quick)):
        cm = asyncio.timeout(delay)
        try:
            await with_timeout(cm, body)
        except TimeoutError as e:
            log.append(f"TimeoutError {type(e.__context__).__name__}")
    try:
        await with_timeout(asyncio.timeout_at(loop.time() + 0.01), sleeps)
    except TimeoutError:
        log.append("timeout_at fired")

    async def cancelled_inside():
        await with_timeout(asyncio.timeout(0.5), sleeps)

    t = asyncio.create_task(cancelled_inside())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append("outside cancel stays CancelledError")
    print("\n".join(log))

asyncio.run(main())
