# call_later and call_at callbacks fire by deadline; call_soon ones go first.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    now = loop.time()
    loop.call_later(0.2, print, "call_later 0.2")
    loop.call_at(now + 0.1, print, "call_at now+0.1")
    loop.call_later(0.3, done.set_result, "finished")
    loop.call_at(now + 0.25, print, "call_at now+0.25")
    loop.call_later(0.05, print, "call_later 0.05")
    loop.call_soon(print, "call_soon")
    print("all scheduled")
    print(await done)

asyncio.run(main())
