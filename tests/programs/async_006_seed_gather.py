# Seed cell: gather runs three fetches at once and returns their results in argument order.
import asyncio
import time


async def fetch_data(delay, id):
    print(f"Coroutine {id} starting to fetch data.")
    await asyncio.sleep(delay)
    print(f"Coroutine {id} done.")
    return {"data": '010110', "id": id}


async def main():
    t0 = time.perf_counter()
    results = await asyncio.gather(fetch_data(0.3, 0), fetch_data(0.1, 1), fetch_data(0.2, 2))
    for r in results:
        print(f"Recived data = {r}")
    print(f"Time elapsed = {round(time.perf_counter() - t0, 1)}")

asyncio.run(main())
