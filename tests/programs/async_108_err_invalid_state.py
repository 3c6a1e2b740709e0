# An uncaught InvalidStateError prints as asyncio.exceptions.InvalidStateError.
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(1)
    print("set once")
    fut.set_result(2)

asyncio.run(main())
