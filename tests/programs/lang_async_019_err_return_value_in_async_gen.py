# An async generator may not return a value.
async def agen():
    yield 1
    return 2
