# current_task() is the task running the current coroutine; outside a loop there is none to ask about.
import asyncio


async def who():
    return asyncio.current_task().get_name()


async def main():
    me = asyncio.current_task()
    print(me.get_name(), me.done())
    print("awaited coroutine runs in the caller's task:", await who())
    t = asyncio.create_task(who(), name="helper")
    print("inside its own task:", await t)
    print(asyncio.current_task() is me)

asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("outside:", e)
