# await in a lambda inside an async function is still outside async code.
async def main():
    f = lambda: await main()
    return f
