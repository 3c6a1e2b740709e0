# add_done_callback: callbacks get the task, run in the order added, one loop pass after the task finishes.
import asyncio


def report(task):
    print("callback:", task.get_name(), "result", task.result())


def second(task):
    print("second callback, done =", task.done())


async def work():
    await asyncio.sleep(0.1)
    print("work returning")
    return 99


async def main():
    t = asyncio.create_task(work(), name="worker")
    t.add_done_callback(report)
    t.add_done_callback(second)
    print(await t)
    t.add_done_callback(lambda task: print("added after done: runs soon"))
    print("main continues")
    await asyncio.sleep(0)
    print("main end")

asyncio.run(main())
