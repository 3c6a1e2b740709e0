# Nested timeouts: the inner one that expires raises TimeoutError to its own
# block; when the outer expires the inner sees CancelledError; an outside
# cancel is not turned into TimeoutError.
import asyncio

log = []


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.05) as outer:
            try:
                async with asyncio.timeout(0.01) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                log.append(f"inner timed out {inner.expired()} {outer.expired()}")
            await asyncio.sleep(1)
    except TimeoutError:
        log.append(f"outer timed out {outer.expired()}")

    try:
        async with asyncio.timeout(0.01) as outer:
            try:
                async with asyncio.timeout(0.5) as inner:
                    await asyncio.sleep(1)
            except asyncio.CancelledError:
                log.append(f"inner saw CancelledError {inner.expired()}")
                raise
    except TimeoutError:
        log.append(f"outer TimeoutError {outer.expired()}")

    # both expire at the same instant
    when = loop.time() + 0.01
    try:
        async with asyncio.timeout_at(when) as a:
            async with asyncio.timeout_at(when) as b:
                await asyncio.sleep(1)
    except TimeoutError:
        log.append(f"same deadline: {a.expired()} {b.expired()}")

    async def body():
        try:
            async with asyncio.timeout(0.5):
                await asyncio.sleep(1)
        except BaseException as e:
            log.append(f"body got {type(e).__name__}")
            raise

    t = asyncio.create_task(body())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append("task cancelled from outside stays cancelled")

    # timeout expires and the task is also cancelled from outside
    async def body2():
        try:
            async with asyncio.timeout(0.01):
                try:
                    await asyncio.sleep(1)
                finally:
                    await asyncio.sleep(0.03)
        except BaseException as e:
            log.append(f"body2 got {type(e).__name__} cancelling={asyncio.current_task().cancelling()}")
            raise

    t = asyncio.create_task(body2())
    await asyncio.sleep(0.02)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append("body2 task cancelled")
    print("\n".join(log))

asyncio.run(main())
