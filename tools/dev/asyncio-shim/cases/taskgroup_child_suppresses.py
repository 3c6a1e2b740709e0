# A child that swallows the group's cancellation finishes normally; the
# group still raises the error; body cleanup runs with awaits.
import asyncio

log = []


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append("stubborn swallows")
    await asyncio.sleep(0)
    log.append("stubborn returns")
    return 1


async def bad():
    await asyncio.sleep(0)
    raise LookupError("x")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            s = tg.create_task(stubborn())
            tg.create_task(bad())
            try:
                await asyncio.sleep(1)
            finally:
                log.append("body finally")
                await asyncio.sleep(0)
                log.append("body finally after await")
    except ExceptionGroup as eg:
        log.append(repr(eg))
    log.append(f"{s.result()} {asyncio.current_task().cancelling()}")
    print("\n".join(log))

asyncio.run(main())
