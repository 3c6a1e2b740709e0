# Future callbacks: add_done_callback order, remove_done_callback returns how many were removed.
import asyncio


def a(fut):
    print("a sees", fut.result())


def b(fut):
    print("b sees", fut.result())


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(a)
    fut.add_done_callback(b)
    fut.add_done_callback(a)
    fut.add_done_callback(b)
    print("removed", fut.remove_done_callback(a))
    print("removed", fut.remove_done_callback(a))
    fut.set_result("hello")
    print("set_result returned; callbacks not run yet")
    await asyncio.sleep(0)
    print("after one pass")

asyncio.run(main())
