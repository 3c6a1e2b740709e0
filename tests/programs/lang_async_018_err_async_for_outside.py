# 'async for' at the top level of a module is a SyntaxError.
async def agen():
    yield 1

print("never printed")
async for x in agen():
    print(x)
