# Seed cell: printing an async def function shows a plain function object; nest_asyncio.apply() is a no-op.
import asyncio
import time

try:
    import nest_asyncio  # loopbook ships it; CPython here may not have it
except ImportError:
    nest_asyncio = None
if nest_asyncio is not None:
    nest_asyncio.apply()  # This allows nested asyncio loops in Jupyter


async def main():
    print("Start of main coroutine")


# here main is a coroutine function
print(main)
print(type(main).__name__, callable(main))
print(asyncio.iscoroutinefunction(main))
