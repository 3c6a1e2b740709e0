# asyncio.Runner: several coroutines on one loop, get_loop, close (twice is
# fine), "Runner is closed" after; asyncio.run with something that is not a
# coroutine still makes and closes a loop (task numbers go on from there).
import asyncio


async def name_of_task():
    await asyncio.sleep(0.01)
    return asyncio.current_task().get_name()


with asyncio.Runner() as runner:
    print(runner.run(name_of_task()))
    print(runner.run(name_of_task()))
    loop = runner.get_loop()
    print(loop.is_closed(), loop.get_debug())
print(loop.is_closed())

try:
    asyncio.run(name_of_task)
except ValueError as e:
    print("ValueError:", str(e).split(" at ")[0])
print(asyncio.run(name_of_task()))

r = asyncio.Runner(debug=True)
print(r.get_loop().get_debug())
r.close()
r.close()
try:
    r.get_loop()
except RuntimeError as e:
    print("RuntimeError:", e)


async def nested():
    try:
        asyncio.Runner().run(name_of_task())
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(nested())
