# What generators, coroutines and async generators tell about themselves:
# __name__ and __qualname__, and gi_/cr_/ag_ running, code and what they are
# suspended in (gi_yieldfrom, cr_await, ag_await).
import asyncio


def inner():
    yield 1


def outer():
    yield from inner()


async def child():
    await asyncio.sleep(0)


async def parent():
    await child()


async def ticks():
    yield 1


class Box:
    def gen(self):
        yield self


g = outer()
print(g.__name__, g.__qualname__, g.gi_running, g.gi_code.co_name, g.gi_yieldfrom)
next(g)
print(g.gi_yieldfrom.__name__, g.gi_yieldfrom.gi_yieldfrom)
print(Box().gen().__qualname__)
c = parent()
print(c.__name__, c.cr_running, c.cr_await, c.cr_code.co_name)
c.send(None)
print(c.cr_await.__qualname__, c.cr_await.cr_await is not None)
c.close()
print(c.cr_await)
a = ticks()
print(a.__name__, a.ag_running, a.ag_await, a.ag_code.co_name)
for bad in (g, c, a):
    try:
        bad.no_such_thing
    except AttributeError as e:
        print("AttributeError:", e)
