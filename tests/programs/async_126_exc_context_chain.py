# Exceptions raised in coroutines while an exception is being handled get it
# as __context__, across awaits and tasks: the exc-info chain of the running
# frames, as CPython's.
import asyncio


def show(tag, e):
    ctx = e.__context__
    print(tag, type(e).__name__, "context:", type(ctx).__name__ if ctx else None)


async def fails():
    await asyncio.sleep(0)
    raise ValueError("in awaited coroutine")


class Resource:
    async def __aenter__(self):
        return self

    async def __aexit__(self, typ, val, tb):
        await asyncio.sleep(0)
        raise OSError("cleanup failed")


async def main():
    # asyncio.timeout: the TimeoutError raised by __aexit__ has the
    # CancelledError it replaces as context
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError as e:
        show("timeout", e)

    # an awaited coroutine raising inside an except block
    try:
        raise KeyError("handled")
    except KeyError:
        try:
            await fails()
        except ValueError as e:
            show("awaited", e)

    # __aexit__ raising while the body's exception is handled
    try:
        async with Resource():
            raise IndexError("body")
    except OSError as e:
        show("aexit", e)

    # a task's exception, raised again where the task is awaited inside an
    # except block, takes the exception handled there as its context
    try:
        raise KeyError("not seen by the task")
    except KeyError:
        try:
            await asyncio.create_task(fails())
        except ValueError as e:
            show("task", e)

    # wait_for's timeout
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except TimeoutError as e:
        show("wait_for", e)

    # a cancelled task's CancelledError, re-raised by awaiting it
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        show("cancelled", e)


asyncio.run(main())

# asyncio.run inside an except block: the coroutine's exceptions see it
try:
    raise LookupError("around asyncio.run")
except LookupError:
    try:
        asyncio.run(fails())
    except ValueError as e:
        show("around run", e)
