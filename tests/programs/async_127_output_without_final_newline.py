# A program whose last print leaves the line open: CPython prints exactly
# that (no newline at the end); under --timeline the chart starts on a line
# of its own (tests/timeline/).
import asyncio


async def tick(n):
    for i in range(n):
        print(i, end=" ")
        await asyncio.sleep(0.1)


async def main():
    await asyncio.gather(tick(2), tick(3))
    print("end", end="")


asyncio.run(main())
