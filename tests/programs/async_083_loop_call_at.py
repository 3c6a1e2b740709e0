# loop.call_at takes an absolute loop.time() deadline; a deadline in the past fires on the next pass.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    fired = []
    loop.call_at(t0 + 0.2, fired.append, "t0+0.2")
    loop.call_at(t0 - 1.0, fired.append, "past")
    loop.call_at(t0 + 0.1, fired.append, "t0+0.1")
    await asyncio.sleep(0)
    print(fired)
    await asyncio.sleep(0.3)
    print(fired)
    print(round(loop.time() - t0, 1))

asyncio.run(main())
