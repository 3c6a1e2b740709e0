# A coroutine handed to a call that raised is freed, never awaited, when the
# except block that caught the error ends: the warning names that line (not
# "sys:1" at exit), as CPython's reference counts make it.
import asyncio


async def job():
    return 1


def schedule(coro, delay):
    if delay < 0:
        raise ValueError("a negative delay")
    return coro


try:
    schedule(job(), -1)
except ValueError as e:
    print("ValueError:", e)
print("after the first except block")

runner = asyncio.Runner()
runner.get_loop()
runner.close()
try:
    runner.run(job())
except RuntimeError as e:
    print("RuntimeError:", e)
print("after the second")
