# Three tasks of different lengths printing around sleep(0): a round-robin in creation order.
import asyncio


async def worker(name, steps, log):
    for i in range(steps):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    log.append(f"{name}!")


async def main():
    log = []
    a = asyncio.create_task(worker("a", 1, log))
    b = asyncio.create_task(worker("b", 3, log))
    c = asyncio.create_task(worker("c", 2, log))
    log.append("main")
    await asyncio.sleep(0)
    log.append("main")
    await asyncio.gather(a, b, c)
    log.append("end")
    print(" ".join(log))

asyncio.run(main())
