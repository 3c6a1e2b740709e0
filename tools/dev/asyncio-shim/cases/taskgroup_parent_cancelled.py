# TaskGroup: the parent task is cancelled from outside while in the body, and
# while __aexit__ waits for children; the CancelledError propagates.
import asyncio

log = []


async def child(name, d):
    try:
        await asyncio.sleep(d)
        log.append(f"{name} finished")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def in_body():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("c1", 1))
        await asyncio.sleep(1)


async def in_exit():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c2", 1))
    finally:
        log.append(f"in_exit finally cancelling={asyncio.current_task().cancelling()}")


async def error_and_cancel():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("c3", 1))
        tg.create_task(fail())
        await asyncio.sleep(1)


async def fail():
    await asyncio.sleep(0.01)
    raise OSError("disk")


async def main():
    for coro_fn in (in_body, in_exit):
        t = asyncio.create_task(coro_fn())
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            log.append(f"{coro_fn.__name__} cancelled: {t.cancelled()}")

    # the group's own cancellation of the parent and an outside cancel together
    t = asyncio.create_task(error_and_cancel())
    await asyncio.sleep(0.01)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except BaseException as e:
        log.append(f"error_and_cancel: {type(e).__name__} {e}")
    print("\n".join(log))

asyncio.run(main())
