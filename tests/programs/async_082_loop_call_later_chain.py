# A callback chain on call_later: each callback schedules the next, with loop.time() deltas rounded.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    done = loop.create_future()

    def step(n):
        print("step", n, "at", round(loop.time() - start, 1))
        if n < 3:
            loop.call_later(0.1, step, n + 1)
        else:
            done.set_result(n)

    loop.call_later(0.1, step, 1)
    print("finished after step", await done)

asyncio.run(main())
