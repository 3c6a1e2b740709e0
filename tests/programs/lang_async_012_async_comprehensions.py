# Comprehensions in async functions: async for clauses, await in the
# element and in conditions, async generator expressions, and nesting.

def run(coro):
    try:
        while True:
            print("  runner got", coro.send(None))
    except StopIteration as e:
        return e.value


class Pause:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield "pause %r" % (self.value,)
        return self.value


async def agen(n):
    for i in range(n):
        yield i


async def double(x):
    return await Pause(x * 2)


async def is_odd(x):
    return x % 2 == 1


async def main():
    print([x async for x in agen(4)])
    print({x % 2 async for x in agen(5)})
    print({x: x * x async for x in agen(3)})
    print([x async for x in agen(6) if x % 2 == 0 if x > 0])
    print([await double(x) for x in range(2)])
    print([x for x in range(6) if await is_odd(x)])
    print([(a, b) async for a in agen(2) for b in range(2)])
    print([(a, b) for a in range(2) async for b in agen(a + 1)])
    print([await double(x) async for x in agen(2)])
    print([[y async for y in agen(x)] for x in range(3)])
    gen = (x * 10 async for x in agen(3))
    print(type(gen).__name__)
    print([v async for v in gen])
    gen = (await double(x) for x in [5])
    print(type(gen).__name__, [v async for v in gen])
    total = sum([x async for x in agen(5)])
    print("sum", total)
    # the comprehension's variables stay inside it
    x = "outer"
    print([x async for x in agen(1)], x)


run(main())


# An asynchronous generator expression is allowed outside async functions:
def make():
    return (x async for x in agen(3))


async def consume():
    return [x async for x in make()]


print(run(consume()))
