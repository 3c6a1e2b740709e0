# A two-stage pipeline: numbers -> squarer -> printer, connected by queues and shut down with sentinels.
import asyncio


async def source(out):
    for i in range(1, 6):
        await out.put(i)
        await asyncio.sleep(0.02)
    await out.put(None)


async def squarer(inp, out):
    while (x := await inp.get()) is not None:
        await out.put(x * x)
    await out.put(None)


async def sink(inp):
    got = []
    while True:
        x = await inp.get()
        if x is None:
            return got
        print("sink received", x)
        got.append(x)


async def main():
    a, b = asyncio.Queue(), asyncio.Queue(maxsize=1)
    _, _, got = await asyncio.gather(source(a), squarer(a, b), sink(b))
    print("total", sum(got))

asyncio.run(main())
