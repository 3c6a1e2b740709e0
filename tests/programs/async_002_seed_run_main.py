# Seed cell: asyncio.run(main()) runs the coroutine to completion and returns its result.
import asyncio


async def main():
    print("Start of main coroutine")


result = asyncio.run(main())
print("asyncio.run returned", result)


async def answer():
    print("computing")
    return 42


print(asyncio.run(answer()))
print("after the loop")
