# PriorityQueue hands out the smallest item first; tuples give (priority, payload) ordering.
import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await pq.put(item)
    while not pq.empty():
        print(await pq.get())
    nums = asyncio.PriorityQueue()
    for n in [5, 3, 9, 1, 7]:
        nums.put_nowait(n)
    print([nums.get_nowait() for _ in range(nums.qsize())])

asyncio.run(main())
