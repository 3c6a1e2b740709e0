# PriorityQueue hands items out in heapq's order, calling __lt__ exactly as heapq does.
import asyncio
import random

calls = []


class P:
    def __init__(self, k, tag):
        self.k = k
        self.tag = tag

    def __lt__(self, other):
        calls.append((self.tag, other.tag))
        return self.k < other.k

    def __repr__(self):
        return f"P({self.k},{self.tag})"


async def main():
    q = asyncio.PriorityQueue()
    random.seed(7)
    for i in range(20):
        q.put_nowait(P(random.randint(0, 5), i))
    print(q._queue if False else str(q)[:60])
    out = []
    while not q.empty():
        out.append(q.get_nowait())
    print(out)
    print(len(calls), calls[:12], calls[-6:])
    q2 = asyncio.PriorityQueue()
    for item in [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (0, "q"), (3, "c")]:
        await q2.put(item)
    print(str(q2))
    got = []
    while not q2.empty():
        got.append(await q2.get())
    print(got)
    q3 = asyncio.PriorityQueue()
    q3.put_nowait(1)
    try:
        q3.put_nowait("x")
    except TypeError as e:
        print("TypeError:", e)
    lq = asyncio.LifoQueue(3)
    for i in range(3):
        lq.put_nowait(i)
    print(str(lq), lq.full())
    print([lq.get_nowait() for _ in range(3)])

asyncio.run(main())
