# await inside an async generator: its suspensions pass through the
# __anext__ awaitable and the async for, up to whoever drives the coroutine,
# and the values sent back reach the awaits inside the generator.

class Wait:
    def __init__(self, what):
        self.what = what

    def __await__(self):
        reply = yield self.what
        return reply


def run(coro):
    """Answer every suspension with a number, counting up."""
    answer = 0
    try:
        value = coro.send(None)
        while True:
            answer += 1
            print("  loop sees", repr(value), "-> sends", answer)
            value = coro.send(answer)
    except StopIteration as e:
        return e.value


async def fetch(name):
    reply = await Wait("fetch " + name)
    return "%s#%d" % (name, reply)


async def pages(names):
    for name in names:
        page = await fetch(name)
        print("generator got", page)
        yield page
        await Wait("after yielding " + name)


async def main():
    collected = []
    async for page in pages(["a", "b", "c"]):
        print("loop body", page)
        collected.append(page)
        await Wait("body of " + page)
    return collected


print(run(main()))


# Driving the awaitables by hand: a value that is not an async yield comes
# out of send(); the async yield ends the awaitable with StopIteration.
async def one():
    got = await Wait("inside")
    yield "yielded " + str(got)


g = one()
step = g.__anext__()
print("send(None) ->", step.send(None))
try:
    step.send(42)
except StopIteration as e:
    print("StopIteration carries", repr(e.value))
try:
    step.send(None)
except RuntimeError as e:
    print(e)
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print("then StopAsyncIteration")
