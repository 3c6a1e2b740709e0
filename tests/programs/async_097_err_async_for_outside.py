# async for inside a plain def is a SyntaxError.
async def agen():
    yield 1


def plain():
    async for x in agen():
        print(x)

print("never printed")
