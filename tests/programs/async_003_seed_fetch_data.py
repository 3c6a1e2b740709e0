# Seed cell: awaiting one coroutine that sleeps and returns a dict.
import asyncio


async def fetch_data(delay, id):
    print("Fetching.....")
    # at the await the control is given back to the event loop
    await asyncio.sleep(delay)
    print("Data fetched")
    return {"data": '010110', "id": id}


async def main():
    print("Start of main coroutine")
    task_1 = fetch_data(0.5, 0)
    data = await task_1
    print(f"Recived data = {data}")
    print("End of coroutine")

asyncio.run(main())
