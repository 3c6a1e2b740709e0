# LifoQueue is a stack: the last item put is the first one out.
import asyncio


async def main():
    lq = asyncio.LifoQueue(maxsize=4)
    for x in [1, 2, 3, 4]:
        await lq.put(x)
    print(lq.full(), lq.qsize())
    first = await lq.get()
    second = await lq.get()
    print([first, second])
    lq.put_nowait(10)
    while not lq.empty():
        print(lq.get_nowait())
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")

asyncio.run(main())
