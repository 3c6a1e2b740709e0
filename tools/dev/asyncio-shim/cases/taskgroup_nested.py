# Nested TaskGroups: an error deep inside cancels outward, groups wrap groups.
import asyncio

log = []


async def leaf(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise
    if fail:
        raise ValueError(name)
    log.append(f"{name} ok")
    return name


async def branch():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf("inner-slow", 1))
        tg.create_task(leaf("inner-bad", 0.01, True))


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(branch())
            tg.create_task(leaf("outer-ok", 0))
    except ExceptionGroup as eg:
        log.append(f"{eg!r}")
        log.append(f"{eg.exceptions[0]!r}")
    print("\n".join(log))

asyncio.run(main())
