# A child cancelled on its own: gather raises CancelledError (or collects it
# with return_exceptions); messages of tasks and futures; duplicates; done futures.
import asyncio


async def sleeper(d, r):
    await asyncio.sleep(d)
    return r


async def main():
    loop = asyncio.get_running_loop()
    t1 = asyncio.create_task(sleeper(0.5, 1))
    t2 = asyncio.create_task(sleeper(0.01, 2))
    f = loop.create_future()
    await asyncio.sleep(0)
    t1.cancel("msg1")
    f.cancel("fmsg")
    res = await asyncio.gather(t1, t2, f, t2, return_exceptions=True)
    print([repr(r) for r in res])
    try:
        t1.result()
    except asyncio.CancelledError as e:
        print("t1.result:", repr(e))

    t3 = asyncio.create_task(sleeper(0.5, 3))
    await asyncio.sleep(0)
    t3.cancel("m3")
    try:
        await asyncio.gather(t3, sleeper(0.01, 4))
    except asyncio.CancelledError as e:
        print("gather raised", repr(e))
    try:
        t3.result()
    except asyncio.CancelledError as e:
        print("t3.result after gather:", repr(e))

    f2 = loop.create_future()
    f2.cancel("fm2")
    try:
        await asyncio.gather(f2)
    except asyncio.CancelledError as e:
        print("gather raised", repr(e))

    done = loop.create_future()
    done.set_result("early")
    c = sleeper(0, "c")
    print(await asyncio.gather(done, c, done, sleeper(0, "d")))
    g0 = asyncio.gather()
    print(g0.done(), g0.result(), type(g0).__name__)

asyncio.run(main())
