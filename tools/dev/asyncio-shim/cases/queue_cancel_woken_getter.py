# Queue.get: a getter woken by put_nowait() and cancelled before it runs hands
# the wake-up to the next getter; reprs show getters and tasks.
import asyncio

log = []


async def getter(q, name):
    try:
        item = await q.get()
        log.append(f"{name} got {item}")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def main():
    q = asyncio.Queue()
    print(str(q), repr(q).split(" at ")[0])
    gs = [asyncio.create_task(getter(q, n)) for n in "abc"]
    await asyncio.sleep(0)
    print(str(q))
    q.put_nowait(1)
    print(str(q))
    gs[0].cancel()
    await asyncio.sleep(0)
    print(str(q), log)
    q.put_nowait(2)
    q.put_nowait(3)
    print(str(q))
    await asyncio.gather(*gs, return_exceptions=True)
    print(log, str(q), q.qsize(), q.empty())
    q.task_done()
    q.task_done()
    print(str(q))
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    print(str(q))

asyncio.run(main())
