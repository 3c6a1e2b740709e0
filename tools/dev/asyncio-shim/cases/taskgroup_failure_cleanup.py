# TaskGroup: one child fails; the other (one sibling) runs async cleanup; the
# body is cancelled; the ExceptionGroup collects the errors in order.
import asyncio

log = []


async def sibling():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append("sibling cancelled, cleaning up")
        await asyncio.sleep(0.01)
        log.append("sibling cleanup done")
        raise


async def crash(d, msg):
    await asyncio.sleep(d)
    log.append(f"crash {msg}")
    raise ValueError(msg)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling(), name="sib")
            tg.create_task(crash(0.01, "boom"))
            log.append(repr(tg))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                log.append(f"body cancelled: {repr(tg)}")
                raise
    except ExceptionGroup as eg:
        log.append(f"{type(eg).__name__}: {eg} {eg.exceptions!r}")
    log.append(f"cancelling={asyncio.current_task().cancelling()}")
    print("\n".join(log))

asyncio.run(main())
