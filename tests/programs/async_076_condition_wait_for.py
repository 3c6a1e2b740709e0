# Condition.wait_for(predicate) waits until the predicate is true after a notify.
import asyncio


async def main():
    cond = asyncio.Condition()
    state = {"count": 0}

    async def incrementer():
        for _ in range(5):
            await asyncio.sleep(0.02)
            async with cond:
                state["count"] += 1
                print("count ->", state["count"])
                cond.notify_all()

    t = asyncio.create_task(incrementer())
    async with cond:
        result = await cond.wait_for(lambda: state["count"] >= 3)
        print("predicate true, wait_for returned", result, "count", state["count"])
    await t
    async with cond:
        print("already true:", await cond.wait_for(lambda: "yes"))

asyncio.run(main())
