# Bounded Queue.put: putters wait in order; a woken putter cancelled before it
# runs passes the free slot on.
import asyncio

log = []


async def putter(q, item):
    try:
        await q.put(item)
        log.append(f"put {item}")
    except asyncio.CancelledError:
        log.append(f"put {item} cancelled")
        raise


async def main():
    q = asyncio.Queue(maxsize=2)
    print(str(q), q.maxsize, q.full())
    ps = [asyncio.create_task(putter(q, i)) for i in range(5)]
    await asyncio.sleep(0)
    print(str(q), q.full(), log)
    print(q.get_nowait())
    ps[2].cancel()
    await asyncio.sleep(0)
    print(str(q), log)
    print(q.get_nowait())
    print(str(q), log)
    await asyncio.sleep(0)
    print(str(q), log)
    print(q.get_nowait(), str(q))
    await asyncio.sleep(0)
    print(str(q), log)
    try:
        q.put_nowait("x")
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e), type(e).__name__)
    while not q.empty():
        print("got", q.get_nowait())
        await asyncio.sleep(0)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    await asyncio.gather(*ps, return_exceptions=True)
    print(log, str(q))

asyncio.run(main())
