# Queue without awaiting: put_nowait/get_nowait, qsize, empty, full, maxsize.
import asyncio


async def main():
    q = asyncio.Queue(maxsize=3)
    print(q.maxsize, q.qsize(), q.empty(), q.full())
    for x in "abc":
        q.put_nowait(x)
    print(q.qsize(), q.empty(), q.full())
    print(q.get_nowait(), q.get_nowait())
    print(q.qsize(), q.full())
    u = asyncio.Queue()
    print(u.maxsize, u.full())
    for i in range(1000):
        u.put_nowait(i)
    print(u.qsize(), u.full(), u.get_nowait())

asyncio.run(main())
