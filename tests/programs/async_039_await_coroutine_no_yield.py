# Awaiting a coroutine that never suspends runs it inline: other tasks do not get a turn.
import asyncio


async def no_suspend(x):
    return x + 1


async def other():
    print("other task runs")


async def main():
    asyncio.create_task(other())
    v = 0
    for _ in range(3):
        v = await no_suspend(v)
        print("inline result", v)
    print("now yielding")
    await asyncio.sleep(0)
    print("back in main")

asyncio.run(main())
