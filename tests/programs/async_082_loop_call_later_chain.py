# A callback chain on call_later: each callback schedules the next; each fires
# no earlier than its delays add up to (and not much later: the bound leaves
# room for a loaded machine under the real clock).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    done = loop.create_future()

    def step(n):
        elapsed = loop.time() - start
        print("step", n, "on time:", n * 0.1 - 1e-3 <= elapsed < n * 0.1 + 0.3)
        if n < 3:
            loop.call_later(0.1, step, n + 1)
        else:
            done.set_result(n)

    loop.call_later(0.1, step, 1)
    print("finished after step", await done)

asyncio.run(main())
