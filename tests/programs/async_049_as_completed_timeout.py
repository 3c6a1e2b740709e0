# as_completed(timeout=) raises TimeoutError for whatever has not finished in time.
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    got = []
    try:
        for fut in asyncio.as_completed([job(0.1), job(0.5), job(0.2)], timeout=0.3):
            got.append(await fut)
    except TimeoutError:
        print("timed out after", got)

asyncio.run(main())
