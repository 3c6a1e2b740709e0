# Context switches: two tasks ping-pong 200,000 messages through two asyncio.Queue objects.
import asyncio

N = 200_000


async def pinger(to_pong, from_pong):
    count = 0
    for i in range(N // 2):
        await to_pong.put(i)
        reply = await from_pong.get()
        count += 1 + (reply - i - 1)
    await to_pong.put(None)
    return count


async def ponger(from_ping, to_ping):
    count = 0
    while True:
        msg = await from_ping.get()
        if msg is None:
            return count
        count += 1
        await to_ping.put(msg + 1)


async def main():
    a = asyncio.Queue()
    b = asyncio.Queue()
    sent, answered = await asyncio.gather(pinger(a, b), ponger(a, b))
    print("messages", sent + answered)


asyncio.run(main())
