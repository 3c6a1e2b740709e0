# An uncaught QueueEmpty prints as asyncio.queues.QueueEmpty, with no message.
import asyncio


async def main():
    q = asyncio.Queue()
    q.put_nowait("only")
    print(q.get_nowait())
    q.get_nowait()

asyncio.run(main())
