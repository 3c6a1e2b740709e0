# Seed cell: two coroutines awaited one after the other take 0.5 + 1.0 = 1.5 s.
import asyncio
import time


async def fetch_data(delay, id):
    print("Fetching.....")
    await asyncio.sleep(delay)
    print("Data fetched")
    return {"data": '010110', "id": id}


async def main():
    time_1 = time.time()
    print("Start of main coroutine")
    task_1 = fetch_data(0.5, 0)
    task_2 = fetch_data(1, 1)
    data_1 = await task_1
    print(f"Recived data = {data_1}")
    data_2 = await task_2
    print(f"Recived data = {data_2}")
    time_2 = time.time()
    print("End of main coroutine")
    print(f"Time elapsed = {round(time_2 - time_1, 1)}")

asyncio.run(main())
