# async for: __anext__ may suspend; its suspensions reach the runner. An
# exception other than StopAsyncIteration propagates out of the loop.

def run(coro):
    steps = 0
    try:
        while True:
            value = coro.send(None)
            steps += 1
            print("  suspended:", value)
    except StopIteration as e:
        print("  finished after", steps, "suspensions")
        return e.value


class Tick:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        yield "tick %d" % self.n
        return self.n * 10


class Ticker:
    def __init__(self, limit, fail_at=None):
        self.i = 0
        self.limit = limit
        self.fail_at = fail_at

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        if self.i == self.fail_at:
            raise ValueError("broken at %d" % self.i)
        if self.i > self.limit:
            raise StopAsyncIteration
        return await Tick(self.i)


class Direct:
    """__anext__ returns a plain awaitable (not a coroutine)."""

    def __init__(self):
        self.left = 2

    def __aiter__(self):
        return self

    def __anext__(self):
        self.left -= 1
        if self.left < 0:
            raise StopAsyncIteration
        return Tick(100 + self.left)


async def main():
    got = []
    async for v in Ticker(3):
        print("body got", v)
        got.append(v)
    try:
        async for v in Ticker(5, fail_at=2):
            print("body got", v)
    except ValueError as e:
        print("loop raised", e)
    async for v in Direct():
        print("direct", v)
    try:
        async for v in Ticker(3):
            raise KeyError(v)
    except KeyError as e:
        print("body raised", e)
    return got


print(run(main()))
