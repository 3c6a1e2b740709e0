# loop.call_soon callbacks run first-in first-out, after the current step yields.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for i in range(5):
        loop.call_soon(print, "callback", i)
    loop.call_soon(print, "with", "several", "args")
    print("scheduled, not run yet")
    await asyncio.sleep(0)
    print("main resumed after the callbacks")

asyncio.run(main())
