# Due timers join the ready queue behind what is already there: call_later(0) runs a pass after call_soon.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "soon A")
    loop.call_later(0, print, "later 0")
    loop.call_soon(print, "soon B")
    loop.call_later(-1, print, "later -1 (already due)")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(0)
    print("main after second sleep(0)")

asyncio.run(main())
