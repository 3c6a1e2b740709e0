# asyncio.to_thread runs a blocking call off the loop; keyword arguments are passed through.
import asyncio
import time


def slow_greeting(name, punctuation="!"):
    time.sleep(0.2)
    return f"hello {name}{punctuation}"


def fails():
    raise ValueError("from the thread")


async def ticker(log):
    for _ in range(3):
        log.append("tick")
        await asyncio.sleep(0.05)


async def main():
    log = []
    greeting, _ = await asyncio.gather(asyncio.to_thread(slow_greeting, "loop", punctuation="?"), ticker(log))
    print(greeting, log)
    try:
        await asyncio.to_thread(fails)
    except ValueError as e:
        print("re-raised in the coroutine:", e)

asyncio.run(main())
