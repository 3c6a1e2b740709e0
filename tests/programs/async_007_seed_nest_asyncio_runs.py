# Notebook style: nest_asyncio.apply() then several asyncio.run calls, one per "cell".
import asyncio

try:
    import nest_asyncio
except ImportError:
    nest_asyncio = None
applied = nest_asyncio.apply() if nest_asyncio is not None else None
print("apply returned", applied)


async def cell(n):
    await asyncio.sleep(0)
    print("cell", n, "ran")
    return n * n


total = 0
for n in range(1, 4):
    total += asyncio.run(cell(n))
print("total", total)
