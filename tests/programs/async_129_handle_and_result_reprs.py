# Handles name their callback with its arguments (shortened by reprlib, as
# asyncio's are), a cancelled one lets go of it; a future's result is
# shortened the same way; a callback that raises is reported and the loop
# goes on.
import asyncio


def show(obj):
    text = repr(obj).replace(__file__, "FILE")
    start = text.find("when=")
    if start >= 0:  # the loop's clock: not the same from run to run
        end = start
        while text[end] not in " >":
            end += 1
        text = text[:start] + "when=T" + text[end:]
    print(text)


def job(*args):
    print("job ran with", len(args), "arguments")


def boom(x):
    raise ValueError(x)


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(job, 1, "two", [3] * 10, {"k": "v" * 50})
    show(h)
    t = loop.call_later(10, job)
    show(t)
    t.cancel()
    show(t)
    c = loop.call_soon(print, "never")
    c.cancel()
    show(c)
    loop.call_soon(boom, "in a callback")
    await asyncio.sleep(0)
    fut = loop.create_future()
    fut.set_result(list(range(100)))
    show(fut)
    async def long_answer():
        return "x" * 100

    done = asyncio.create_task(long_answer())
    await done
    show(done)
    print("still running")


asyncio.run(main())
