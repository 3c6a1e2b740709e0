# Event: set() wakes all waiters in order; clear() right after set() does not
# stop them; a cancelled waiter leaves; reprs.
import asyncio


async def w(ev, name, log):
    try:
        r = await ev.wait()
        log.append((name, r, ev.is_set()))
    except asyncio.CancelledError:
        log.append((name, "cancelled"))
        raise


async def main():
    ev = asyncio.Event()
    log = []
    print(repr(ev).split("[")[1])
    ts = [asyncio.create_task(w(ev, n, log)) for n in "abc"]
    await asyncio.sleep(0)
    print(repr(ev).split("[")[1])
    ts[1].cancel()
    await asyncio.sleep(0)
    print(repr(ev).split("[")[1], log)
    ev.set()
    ev.clear()
    ev.set()
    ev.clear()
    print(repr(ev).split("[")[1])
    await asyncio.sleep(0)
    print(log)
    print(repr(ev).split("[")[1])
    ev.set()
    print(await ev.wait(), repr(ev).split("[")[1])
    await asyncio.gather(*ts, return_exceptions=True)

asyncio.run(main())
