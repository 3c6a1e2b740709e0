# __anext__ must return an awaitable: uncaught, the TypeError ends the program.
class Numbers:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 1


async def main():
    async for n in Numbers():
        print(n)


main().send(None)
