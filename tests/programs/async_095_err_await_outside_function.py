# await at module level is a SyntaxError (CPython scripts have no top-level await).
import asyncio

print("never printed: the file does not compile")
await asyncio.sleep(0.1)
