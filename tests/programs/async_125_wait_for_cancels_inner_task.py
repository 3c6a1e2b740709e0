# wait_for on a task: at the timeout the task itself is cancelled, and wait_for waits for it to finish cancelling.
import asyncio


async def cleanup_slowly(log):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append("cleaning up")
        await asyncio.sleep(0.1)
        log.append("cleanup finished")
        raise


async def main():
    log = []
    t = asyncio.create_task(cleanup_slowly(log))
    try:
        await asyncio.wait_for(t, timeout=0.1)
    except TimeoutError:
        print("TimeoutError; task cancelled:", t.cancelled(), log)

asyncio.run(main())
