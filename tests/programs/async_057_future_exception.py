# Future.set_exception: exception() returns it, result() and await raise it.
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(ValueError("no luck"))
    print(fut.done(), repr(fut.exception()))
    try:
        fut.result()
    except ValueError as e:
        print("result() raised", e)
    try:
        await fut
    except ValueError as e:
        print("await raised", e)
    print(fut)
    try:
        fut.set_exception(KeyError("x"))
    except asyncio.InvalidStateError as e:
        print("again:", e)

asyncio.run(main())
