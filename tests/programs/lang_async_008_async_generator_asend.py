# asend(value): the value becomes the result of the `yield` expression the
# async generator is suspended at. The first asend must send None.

def run(coro):
    try:
        while True:
            print("  runner got", coro.send(None))
    except StopIteration as e:
        return e.value


class Pause:
    def __await__(self):
        yield "pause"


async def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            print("  no value: stop")
            return
        await Pause()
        total += value


async def main():
    acc = accumulator()
    print("first:", await acc.asend(None))
    for v in (5, 10, 20):
        print("after sending", v, "->", await acc.asend(v))
    try:
        await acc.asend(None)
    except StopAsyncIteration:
        print("finished")
    # __anext__() is asend(None)
    acc = accumulator()
    print(await acc.__anext__(), await acc.asend(3), await acc.asend(4))


run(main())

# The first send may not carry a value (the generator has not started).
acc = accumulator()
try:
    acc.asend(7).send(None)
except TypeError as e:
    print(e)

acc = accumulator()
try:
    acc.asend(None).send(1)
except TypeError as e:
    print(e)

acc = accumulator()
aw = acc.asend(None)
try:
    aw.send(None)
except StopIteration as e:
    print("started, yielded", e.value)
try:
    aw.send(None)
except RuntimeError as e:
    print(e)
aw2 = acc.asend(1)
print("asend(1) pauses with", aw2.send(None))
aw3 = acc.__anext__()
try:
    aw3.send(None)
except RuntimeError as e:
    print(e)
aw2.close()
try:
    aw2.send(None)
except RuntimeError as e:
    print(e)
