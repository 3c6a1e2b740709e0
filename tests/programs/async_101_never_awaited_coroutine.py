# Calling a coroutine function without await does nothing (CPython warns on stderr); the program still succeeds.
import asyncio


async def side_effect(log):
    log.append("ran")


async def main():
    log = []
    side_effect(log)
    await asyncio.sleep(0)
    print("log after forgetting await:", log)
    await side_effect(log)
    print("log after awaiting:", log)

asyncio.run(main())
print("exit status is still 0")
