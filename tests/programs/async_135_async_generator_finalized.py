# Async generators left suspended inside a try are finalized as asyncio
# finalizes them: one let go of by a break gets its aclose() scheduled on the
# loop (its finally runs a pass later); those still open when asyncio.run
# ends are closed by the runner's shutdown_asyncgens step.
import asyncio


async def ticks(tag):
    try:
        for i in range(5):
            await asyncio.sleep(0)
            yield i
    finally:
        print(tag, "cleanup in", asyncio.current_task().get_name())


held = []


async def main():
    async for t in ticks("broken"):
        if t == 1:
            break
    print("after the loop")
    await asyncio.sleep(0)
    print("after a pass")
    await asyncio.sleep(0)
    kept = ticks("kept")
    held.append(kept)  # still held when main ends: the runner closes it
    print(await kept.__anext__())
    finished = ticks("finished")
    async for _ in finished:
        pass
    print("main ends")


asyncio.run(main())
print("after asyncio.run")


async def only_a_local():
    local = ticks("local")
    print(await local.__anext__())
    agen = ticks("never iterated")  # not first-iterated: nothing to finalize
    print("only_a_local ends")


# when the coroutine ends, the finalizer schedules local's aclose(); the
# runner cancels that task before its first step, which throws into aclose()
# itself and so closes the generator all the same
asyncio.run(only_a_local())
print(asyncio.iscoroutine(ticks("x").aclose()))
