# An exception escaping the main coroutine propagates out of asyncio.run: last line ValueError, exit 1.
import asyncio


async def step(n):
    await asyncio.sleep(0.05)
    if n == 2:
        raise ValueError(f"bad step {n}")
    print("step", n, "ok")


async def main():
    for n in range(5):
        await step(n)

asyncio.run(main())
print("not reached")
