# loop.set_exception_handler: every error the loop reports goes to the
# handler with its context (a callback that raised, a task whose exception
# nobody retrieved: reported at `del`, as CPython's reference counts do);
# get_exception_handler, default_exception_handler, a handler that fails.
import asyncio


def handler(loop, context):
    keys = sorted(k for k in context if k not in ("message", "exception"))
    exc = context.get("exception")
    print("handler:", context["message"].split(" at ")[0], "|", keys, "|", type(exc).__name__, exc)


def boom(x):
    raise ValueError(x)


async def lost():
    raise RuntimeError("nobody looks")


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(boom, 1)
    await asyncio.sleep(0)
    t = asyncio.create_task(lost())
    await asyncio.sleep(0.1)
    print("deleting")
    del t
    print("deleted")
    loop.call_exception_handler({"message": "by hand", "detail": 42})
    try:
        loop.set_exception_handler("not callable")
    except TypeError as e:
        print("TypeError:", e)
    loop.set_exception_handler(None)
    print(loop.get_exception_handler())
    loop.default_exception_handler({"message": "the default, on stderr", "zeta": 1, "alpha": [2]})

    def failing(loop, context):
        raise KeyError("in the handler")

    loop.set_exception_handler(failing)
    loop.call_soon(boom, 2)
    await asyncio.sleep(0)
    print("end of main")


asyncio.run(main())
# a non-zero exit makes the runner compare the last line of stderr: the
# failing handler's own exception, after the one it was handling
raise SystemExit(4)
