# wait_for: the inner task finishes in the same loop pass as the timeout; the
# inner swallows the cancel; the inner raises while being cancelled; timeout<=0.
import asyncio
import time

log = []


async def job(d, r):
    await asyncio.sleep(d)
    log.append(f"job {r} finished")
    return r


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append("stubborn caught cancel")
        await asyncio.sleep(0)
        return "stubborn value"


async def bad_cleanup():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise KeyError("cleanup failed")


async def slow_cleanup():
    try:
        await asyncio.sleep(1)
    finally:
        log.append("cleanup start")
        await asyncio.sleep(0.01)
        log.append("cleanup end")


async def busy_then_done():
    # Blocks the loop past the deadline, then finishes in the pass in which
    # the timeout fires (its step was queued before the timer's callback).
    time.sleep(0.06)
    await asyncio.sleep(0)
    log.append("busy finished")
    return "late but done"


async def attempt(label, aw, timeout):
    try:
        r = await asyncio.wait_for(aw, timeout)
        log.append(f"{label}: {r!r}")
    except BaseException as e:
        log.append(f"{label}: {type(e).__name__} {e.args} cause={type(e.__cause__).__name__}")


async def main():
    loop = asyncio.get_running_loop()
    await attempt("ok", job(0.01, "A"), 1)
    await attempt("timeout", job(1, "B"), 0.01)
    # finishes as the timer fires: both are due in the same pass
    t = asyncio.create_task(job(0.05, "C"))
    when = loop.time()
    await attempt("race", t, 0.05)
    await attempt("busy", busy_then_done(), 0.05)
    await attempt("stubborn", stubborn(), 0.01)
    await attempt("bad cleanup", bad_cleanup(), 0.01)
    await attempt("slow cleanup", slow_cleanup(), 0.01)
    await attempt("zero", job(0, "D"), 0)
    await attempt("negative", job(0, "E"), -1)
    done = loop.create_future()
    done.set_result("pre")
    await attempt("zero done", done, 0)
    await attempt("none", job(0, "F"), None)
    await attempt("zero stubborn", stubborn(), 0)
    print("\n".join(log))

asyncio.run(main())
