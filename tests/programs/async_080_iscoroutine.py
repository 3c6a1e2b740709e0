# iscoroutinefunction tells async def functions apart; iscoroutine tells coroutine objects apart.
import asyncio


async def coro_fn():
    return 1


def plain():
    return 1


async def agen():
    yield 1


class Thing:
    async def method(self):
        return 2


async def main():
    print(asyncio.iscoroutinefunction(coro_fn), asyncio.iscoroutinefunction(plain))
    print(asyncio.iscoroutinefunction(agen), asyncio.iscoroutinefunction(Thing().method))
    c = coro_fn()
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(plain()), asyncio.iscoroutine(coro_fn))
    print(await c)
    t = asyncio.create_task(coro_fn())
    print(asyncio.iscoroutine(t), asyncio.iscoroutinefunction(lambda: 0))
    await t

asyncio.run(main())
