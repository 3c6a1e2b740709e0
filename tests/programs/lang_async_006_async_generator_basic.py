# A `yield` inside `async def` makes an async generator function: calling it
# gives an async_generator object, iterated with async for.

def run(coro):
    try:
        while True:
            print("  runner got", coro.send(None))
    except StopIteration as e:
        return e.value


async def numbers(n):
    print("numbers starts")
    for i in range(n):
        yield i * i
    print("numbers ends")


async def empty():
    return
    yield


async def main():
    gen = numbers(3)
    print(type(gen))
    print(type(gen).__name__)
    print(gen.__aiter__() is gen)
    async for x in gen:
        print("got", x)
    else:
        print("else: exhausted")
    # an exhausted async generator yields nothing more
    async for x in gen:
        print("never")
    async for x in empty():
        print("never")
    # break leaves it suspended; a new loop over it goes on where it stopped
    gen = numbers(5)
    async for x in gen:
        if x == 1:
            break
    async for x in gen:
        print("resumed with", x)
    # the awaitables of the protocol
    gen = numbers(1)
    step = gen.__anext__()
    print(type(step).__name__, type(gen.asend(None)).__name__)
    print(type(gen.athrow(ValueError)).__name__, type(gen.aclose()).__name__)
    print(step.__await__() is step, iter(step) is step)
    first = await step
    print("awaited __anext__():", first)
    try:
        await gen.__anext__()
    except StopAsyncIteration as e:
        print("end:", repr(e))
    return "ok"


print(run(main()))
print(numbers)
print(str(numbers(1)).startswith("<async_generator object numbers at 0x"))


class Holder:
    async def items(self):
        yield "method"


print(str(Holder().items()).startswith("<async_generator object Holder.items at"))
try:
    type(numbers(1).__anext__())()
except TypeError as e:
    print(e)
