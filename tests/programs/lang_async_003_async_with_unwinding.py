# return, break and continue leave an async with: __aexit__ runs (and is
# awaited) on the way out, with the return value kept.

def run(coro):
    try:
        while True:
            print("  runner got", coro.send(None))
    except StopIteration as e:
        return e.value


class Pause:
    def __init__(self, what):
        self.what = what

    def __await__(self):
        yield self.what


class Block:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("  enter", self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        await Pause("exit " + self.name)
        print("  exit", self.name, exc_type)


async def early_return():
    async with Block("r") as name:
        return "returned from " + name
    print("not reached")


async def loops():
    for i in range(4):
        async with Block("loop%d" % i):
            if i == 1:
                continue
            if i == 3:
                break
            print("  body", i)
    else:
        print("not reached: the loop was broken")
    n = 0
    while True:
        n += 1
        async with Block("w%d" % n):
            async with Block("inner%d" % n):
                if n == 2:
                    break
    return n


async def with_finally():
    try:
        async with Block("f"):
            return "from try"
    finally:
        print("  finally runs after the exit")


async def return_value_survives():
    async with Block("a"), Block("b"):
        value = [1, 2, 3]
        return value


async def exception_in_loop():
    for i in range(3):
        try:
            async with Block("e%d" % i):
                if i == 1:
                    raise ValueError(i)
        except ValueError as e:
            print("  handled", e)
            continue
        print("  after block", i)


print("1:", run(early_return()))
print("2:", run(loops()))
print("3:", run(with_finally()))
print("4:", run(return_value_survives()))
print("5:", run(exception_in_loop()))
