# get_nowait on an empty queue raises QueueEmpty; put_nowait on a full one raises QueueFull.
import asyncio


async def main():
    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(str(e)))
    q.put_nowait("only")
    try:
        q.put_nowait("one too many")
    except asyncio.QueueFull as e:
        print("QueueFull", repr(str(e)))
    print(issubclass(asyncio.QueueEmpty, Exception), issubclass(asyncio.QueueFull, Exception))
    print(q.get_nowait())

asyncio.run(main())
