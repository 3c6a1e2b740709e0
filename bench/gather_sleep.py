# The timer heap: 50,000 tasks sleeping deterministic pseudo-random delays in [0, 1) s, gathered (~1 s).
import asyncio

N = 50_000


async def napper(i, delay):
    await asyncio.sleep(delay)
    return i * 7 % 1000


async def main():
    state = 12345
    delays = []
    for _ in range(N):
        state = (state * 1103515245 + 12345) % 2147483648  # an LCG: same delays everywhere
        delays.append((state >> 16) % 1000 / 1000)
    results = await asyncio.gather(*[napper(i, d) for i, d in enumerate(delays)])
    print(len(results), sum(results), round(sum(delays), 3))


asyncio.run(main())
