# An exception in a done callback is logged to stderr; the loop and the program go on (exit 0).
import asyncio


def broken(fut):
    raise RuntimeError("callback failed")


def fine(fut):
    print("the next callback still runs, result", fut.result())


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(broken)
    fut.add_done_callback(fine)
    fut.set_result(3)
    await asyncio.sleep(0.05)
    print("main continues")

asyncio.run(main())
