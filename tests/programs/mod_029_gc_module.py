# The gc module: collect() (generation 0 to 2), enable/disable/isenabled, and
# a pending task nobody holds any more, collected: its coroutine is closed
# first (its finally runs), then asyncio says the task was destroyed.
import asyncio
import gc

print(gc.collect(), gc.collect(0), gc.collect(generation=2))
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError:", e)
try:
    gc.enable(1)
except TypeError as e:
    print("TypeError:", e)


async def forever():
    try:
        await asyncio.Event().wait()
    finally:
        print("forever: finally runs")


async def main():
    asyncio.create_task(forever())  # nobody keeps the task
    await asyncio.sleep(0)
    print("collecting")
    gc.collect()
    print("collected")


asyncio.run(main())
print("done")
# a non-zero exit makes the runner compare the last line of stderr: the
# destroyed task's repr (its coroutine done, waiting with a task_wakeup)
raise SystemExit(3)
