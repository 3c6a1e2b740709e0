# An asynchronous list comprehension needs an async function around it.
async def agen():
    yield 1


def collect():
    return [x async for x in agen()]
