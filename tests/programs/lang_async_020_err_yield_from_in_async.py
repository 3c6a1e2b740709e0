# 'yield from' is not allowed in async functions (await instead).
def inner():
    yield 1


async def outer():
    yield from inner()
