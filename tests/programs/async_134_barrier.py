# asyncio.Barrier (3.11): arrival indexes, the last arrival releasing the round,
# n_waiting and the repr through a round, reset and abort (BrokenBarrierError),
# parties must be > 0.
import asyncio

async def runner(b, name, delay, log):
    await asyncio.sleep(delay)
    log.append(f"{name} arrives ({b.n_waiting} waiting)")
    i = await b.wait()
    log.append(f"{name} passes as {i}")
    return i

async def main():
    b = asyncio.Barrier(3)
    print(b.parties, b.n_waiting, b.broken, repr(b).split(" at ")[1].split(" ", 1)[1])
    log = []
    r = await asyncio.gather(*(runner(b, n, d, log) for n, d in [("a", 0.03), ("b", 0.01), ("c", 0.02)]))
    print(r)
    print("\n".join(log))
    print(repr(b).split(" at ")[1].split(" ", 1)[1])
    async with b as pos:
        pass

async def main2():
    b = asyncio.Barrier(2)
    async def lone():
        try:
            await b.wait()
        except asyncio.BrokenBarrierError as e:
            print("broken:", e, type(e).__mro__[1].__name__)
    t = asyncio.create_task(lone())
    await asyncio.sleep(0)
    print(b.n_waiting, repr(b).split(" at ")[1].split(" ", 1)[1])
    await b.reset()
    await t
    print(repr(b).split(" at ")[1].split(" ", 1)[1])
    t2 = asyncio.create_task(lone())
    await asyncio.sleep(0)
    await b.abort()
    await t2
    print(b.broken, repr(b).split(" at ")[1].split(" ", 1)[1])
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("after abort:", e)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)

async def both():
    try:
        await asyncio.wait_for(main(), 0.5)
    except TimeoutError:
        print("main timed out (a barrier of 3 with one task)")
    await main2()
asyncio.run(both())
