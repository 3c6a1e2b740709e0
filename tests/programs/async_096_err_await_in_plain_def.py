# await inside a plain def (not async def) is a SyntaxError.
import asyncio


def not_async():
    await asyncio.sleep(0)

print("never printed")
