# Seed cell: create_task runs both fetches concurrently, so 0.5 s and 1.0 s overlap into 1.0 s.
import asyncio
import time


async def fetch_data(delay, id):
    print(f"Coroutine {id} starting to fetch data.")
    await asyncio.sleep(delay)
    return {"data": '010110', "id": id}


async def main():
    time_1 = time.time()
    print("Start of main coroutine")
    task_1 = asyncio.create_task(fetch_data(0.5, 0))
    task_2 = asyncio.create_task(fetch_data(1, 1))
    # the tasks only start when main reaches its first await
    print(f"Tasks created")
    data_1 = await task_1
    print(f"Recived data = {data_1}")
    data_2 = await task_2
    print(f"Recived data = {data_2}")
    time_2 = time.time()
    print("End of main coroutine")
    print(f"Time elapsed = {round(time_2 - time_1, 1)}")

asyncio.run(main())
