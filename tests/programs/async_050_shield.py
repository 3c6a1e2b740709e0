# shield: cancelling the outer await (here by wait_for's timeout) leaves the inner task running.
import asyncio


async def important(log):
    await asyncio.sleep(0.3)
    log.append("important work finished")
    return "saved"


async def main():
    log = []
    inner = asyncio.create_task(important(log))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.1)
    except TimeoutError:
        print("outer timed out; inner cancelled?", inner.cancelled(), "done?", inner.done())
    print(await inner)
    print(log)
    print(await asyncio.shield(important(log)))

asyncio.run(main())
