# The asyncio exception classes, their module paths and their place in the hierarchy.
import asyncio

for cls in [asyncio.CancelledError, asyncio.TimeoutError, asyncio.InvalidStateError,
            asyncio.QueueEmpty, asyncio.QueueFull]:
    print(cls, cls.__name__, issubclass(cls, Exception))
print(asyncio.TimeoutError is TimeoutError)
print(issubclass(asyncio.CancelledError, BaseException))
e = asyncio.CancelledError("why")
print(repr(e), str(e), e.args)
print(repr(asyncio.InvalidStateError("state")))
