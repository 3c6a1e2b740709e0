# The body catches the CancelledError that the group sends when a child fails
# and goes on awaiting: the group's cancel is still undone (uncancel).
import asyncio

log = []


async def bad():
    await asyncio.sleep(0.01)
    raise ValueError("child")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                log.append(f"body caught, cancelling={asyncio.current_task().cancelling()}")
            await asyncio.sleep(0)
            log.append("body continued")
    except ExceptionGroup as eg:
        log.append(repr(eg))
    log.append(f"cancelling={asyncio.current_task().cancelling()}")
    await asyncio.sleep(0)
    log.append("main not cancelled")
    print("\n".join(log))

asyncio.run(main())
