# The reprs of futures and tasks name their done callbacks (cb=[...]: a
# function with its place, a method or builtin without, the first and last of
# more than two), a waiting task's wakeup, and a task asked to cancel.
import asyncio


def show(obj):
    print(repr(obj).replace(__file__, "FILE"))


def on_done(fut):
    pass


class Listener:
    def heard(self, fut):
        pass


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    show(fut)
    fut.add_done_callback(on_done)
    show(fut)
    fut.add_done_callback(Listener().heard)
    show(fut)
    fut.add_done_callback(print)
    fut.add_done_callback(lambda f: None)
    show(fut)
    fut.remove_done_callback(print)
    show(fut)

    async def wait_for_it():
        return await fut

    task = asyncio.create_task(wait_for_it())
    task.add_done_callback(on_done)
    await asyncio.sleep(0)
    show(task)
    task.cancel()
    show(task)
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled")
    show(task)
    show(fut)


asyncio.run(main())
