# async with and exceptions: the exception reaches __aexit__, a true result
# (after awaiting it) suppresses it, a false one lets it propagate.

def run(coro):
    try:
        while True:
            print("  runner got", coro.send(None))
    except StopIteration as e:
        return e.value


class Pause:
    def __await__(self):
        yield "pause"


class Manager:
    def __init__(self, suppress):
        self.suppress = suppress

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await Pause()
        name = exc_type.__name__ if exc_type else None
        print("aexit sees", name, repr(exc), tb is not None)
        return self.suppress


class Truthy:
    def __bool__(self):
        print("bool() of the result")
        return True


async def main():
    async with Manager(True):
        raise ValueError("swallowed")
    print("after suppressed ValueError")

    try:
        async with Manager(False):
            raise KeyError("k")
    except KeyError as e:
        print("caught", repr(e))

    try:
        async with Manager(0):
            1 / 0
    except ZeroDivisionError as e:
        print("caught", e)

    async with Manager(Truthy()):
        raise RuntimeError("truthy object suppresses")
    print("after truthy suppression")

    async with Manager(None):
        print("no exception at all")

    # __aexit__ raising replaces the exception, with it as the context
    class Failing:
        async def __aenter__(self):
            return None

        async def __aexit__(self, *exc):
            raise TypeError("from aexit")

    try:
        async with Failing():
            raise ValueError("original")
    except TypeError as e:
        print("caught", e)

    # an exception in __aenter__: __aexit__ is not called
    class BadEnter:
        async def __aenter__(self):
            raise OSError("cannot enter")

        async def __aexit__(self, *exc):
            print("never")

    try:
        async with BadEnter():
            print("never")
    except OSError as e:
        print("caught", e)

    # nested: the inner manager suppresses, the outer sees nothing
    async with Manager(False):
        async with Manager(True):
            raise IndexError("inner")
        print("between")
    return "end"


print(run(main()))
