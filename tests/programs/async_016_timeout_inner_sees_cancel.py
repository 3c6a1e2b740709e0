# Inside asyncio.timeout the body sees CancelledError (its finally runs); outside the block it becomes TimeoutError.
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(0.5)
            except asyncio.CancelledError as e:
                print("body got", type(e).__name__)
                raise
            finally:
                print("body finally")
    except TimeoutError as e:
        print("block raised", type(e).__name__)
    print("main continues")

asyncio.run(main())
