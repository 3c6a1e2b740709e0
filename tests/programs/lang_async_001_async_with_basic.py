# async with: __aenter__ / __aexit__ are called and awaited; their awaits
# suspend the coroutine that runs the statement, all the way to the runner.

def run(coro):
    """Drive a coroutine by hand, printing what each suspension yields."""
    try:
        while True:
            print("  runner got", coro.send(None))
    except StopIteration as e:
        return e.value


class Pause:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return "after " + self.label


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("enter", self.name)
        got = await Pause("opening " + self.name)
        print("enter resumed:", got)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type, exc, tb)
        await Pause("closing " + self.name)
        return False


async def main():
    async with Resource("db") as handle:
        print("body with", handle)
        await Pause("in body")
    async with Resource("cache"):
        print("body without a target")
    async with Resource("a") as x, Resource("b") as y:
        print("both:", x, y)
    return "done"


print("result:", run(main()))


class Plain:
    """__aenter__ may return any awaitable, not only a coroutine."""

    def __aenter__(self):
        return Pause("plain enter")

    def __aexit__(self, *args):
        print("plain exit gets", len(args), "arguments")
        return Pause("plain exit")


async def with_plain():
    async with Plain() as v:
        print("plain bound", v)


run(with_plain())
