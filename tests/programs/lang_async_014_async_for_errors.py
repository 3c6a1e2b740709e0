# CPython's TypeError messages for objects that are not async iterables.

def run(coro):
    try:
        while True:
            print("  runner got", coro.send(None))
    except StopIteration as e:
        return e.value


class NoAnext:
    def __aiter__(self):
        return self


class AiterGivesList:
    def __aiter__(self):
        return [1, 2]


class AnextGivesInt:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 7


class AnextGivesBadAwaitable:
    def __aiter__(self):
        return self

    def __anext__(self):
        return self

    def __await__(self):
        return 3


class SyncIterable:
    def __iter__(self):
        return iter([1])


async def agen():
    yield 1


async def loop_over(obj):
    try:
        async for x in obj:
            print("never", x)
    except TypeError as e:
        print(type(obj).__name__ + ":", e)
        return e


async def main():
    await loop_over(3)
    await loop_over([1, 2])
    await loop_over(SyncIterable())
    await loop_over(NoAnext())
    await loop_over(AiterGivesList())
    e = await loop_over(AnextGivesInt())
    print("  caused by:", e.__cause__)
    e = await loop_over(AnextGivesBadAwaitable())
    print("  caused by:", e.__cause__)
    try:
        for x in agen():
            print("never")
    except TypeError as e:
        print("sync for over an async generator:", e)
    try:
        [x async for x in 5]
    except TypeError as e:
        print("comprehension:", e)
    try:
        await agen()
    except TypeError as e:
        print(e)


run(main())
