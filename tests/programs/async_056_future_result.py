# Future: set_result once, read result(); setting it again raises InvalidStateError.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done(), fut.cancelled(), fut)
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("result():", e)
    fut.set_result({"answer": 42})
    print(fut.done(), fut.result(), fut.exception(), fut)
    try:
        fut.set_result(0)
    except asyncio.InvalidStateError as e:
        print("set_result again:", e)
    print(await fut)
    f2 = asyncio.Future()
    print(type(f2).__name__, isinstance(fut, asyncio.Future))

asyncio.run(main())
