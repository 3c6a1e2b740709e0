# What students see when they print futures, locks, events, semaphores and queues (addresses masked).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f)
    f.set_result([1, "two"])
    print(f, repr(f) == str(f))
    g = loop.create_future()
    g.set_exception(KeyError("k"))
    g.exception()
    print(g)
    h = loop.create_future()
    h.cancel()
    print(h)
    lock = asyncio.Lock()
    print(lock)
    await lock.acquire()
    print(lock)
    lock.release()
    ev = asyncio.Event()
    print(ev)
    ev.set()
    print(ev)
    print(asyncio.Semaphore(2))
    print(asyncio.BoundedSemaphore(1))
    q = asyncio.Queue(maxsize=5)
    q.put_nowait(1)
    q.put_nowait(2)
    print(q)
    print(repr(asyncio.Queue()))
    print(asyncio.PriorityQueue(), asyncio.LifoQueue())
    c = main
    print(c)

asyncio.run(main())
