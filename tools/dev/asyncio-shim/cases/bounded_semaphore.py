import asyncio


async def main():
    b = asyncio.BoundedSemaphore(2)
    print(repr(b).split(" object")[0], repr(b).split("[")[1])
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    async with b:
        async with b:
            print(b.locked(), repr(b).split("[")[1])
    print(isinstance(b, asyncio.Semaphore), b.locked())
    b0 = asyncio.BoundedSemaphore(0)
    try:
        b0.release()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
