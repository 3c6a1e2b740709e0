# Condition.wait_for re-checks its predicate after every wake-up.
import asyncio

state = {"n": 0}
log = []


async def consumer(cond, need):
    async with cond:
        r = await cond.wait_for(lambda: state["n"] >= need and f"n={state['n']}")
        log.append((need, r))


async def main():
    cond = asyncio.Condition()
    ts = [asyncio.create_task(consumer(cond, k)) for k in (3, 1, 2)]
    for _ in range(4):
        await asyncio.sleep(0)
        async with cond:
            state["n"] += 1
            log.append(("n", state["n"]))
            cond.notify_all()
    await asyncio.gather(*ts)
    print(log)

asyncio.run(main())
