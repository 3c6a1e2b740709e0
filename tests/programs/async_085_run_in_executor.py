# loop.run_in_executor(None, f, *args) runs a blocking function in a thread and gives back an awaitable future.
import asyncio
import time


def blocking_sum(a, b, delay):
    time.sleep(delay)
    return a + b


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, blocking_sum, 2, 3, 0.2)
    print(isinstance(fut, asyncio.Future))
    print("result", await fut)
    both = await asyncio.gather(
        loop.run_in_executor(None, blocking_sum, 10, 1, 0.2),
        loop.run_in_executor(None, blocking_sum, 20, 2, 0.2),
    )
    print(both)

asyncio.run(main())
