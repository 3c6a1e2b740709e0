# async with calls __aenter__/__aexit__, which may await; __aexit__ sees the exception and can swallow it.
import asyncio


class Connection:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        await asyncio.sleep(0.05)
        print("open", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("close", self.name, "exc:", None if exc_type is None else exc_type.__name__)
        return self.swallow


async def main():
    async with Connection("db") as c:
        print("using", c.name)
    async with Connection("quiet", swallow=True):
        raise KeyError("swallowed")
    print("after the swallowed error")
    try:
        async with Connection("loud"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)

asyncio.run(main())
