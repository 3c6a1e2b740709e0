# async for over a class with __aiter__ / __anext__: StopAsyncIteration
# ends the loop, then the else clause runs unless the loop was broken.

def run(coro):
    try:
        while True:
            print("  runner got", coro.send(None))
    except StopIteration as e:
        return e.value


class Countdown:
    def __init__(self, start):
        self.n = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n + 1


class Pairs:
    """__aiter__ returns a separate iterator object."""

    def __init__(self, items):
        self.items = items

    def __aiter__(self):
        return PairIterator(self.items)


class PairIterator:
    def __init__(self, items):
        self.items = list(items)

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration("finished")
        item = self.items.pop(0)
        return item, len(item)


async def main():
    async for n in Countdown(3):
        print("count", n)
    else:
        print("else after exhausting")

    async for n in Countdown(5):
        if n == 4:
            continue
        if n == 2:
            print("break at", n)
            break
        print("saw", n)
    else:
        print("not reached")

    async for word, size in Pairs(["ab", "cde"]):
        print(word, size)

    total = 0
    async for a in Countdown(3):
        async for b in Countdown(a):
            total += a * b
    print("nested total", total)

    async for n in Countdown(0):
        print("never")
    else:
        print("empty loop runs else")

    # the loop variable keeps its last value
    async for last in Countdown(2):
        pass
    print("last =", last)

    # an async for inside a while, broken out of with the iterator left behind
    rounds = 0
    while rounds < 2:
        rounds += 1
        async for n in Countdown(10):
            if n < 9:
                break
        print("round", rounds, "stopped at", n)
    return total


print("result", run(main()))
