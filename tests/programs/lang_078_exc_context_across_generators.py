# The exception being handled is shared along the chain of running frames:
# code running in a generator or coroutine resumed inside an except block
# sees the caller's handled exception (as __context__ of new exceptions and
# for a bare raise), as CPython's exc-info stack does. A generator's own
# handled exception stays its own while it is suspended.


def show(tag, e):
    ctx = e.__context__
    print(tag, repr(e), "context:", repr(ctx), "context of context:", repr(ctx.__context__) if ctx else None)


def raiser():
    yield 1
    raise RuntimeError("in generator")


# a generator resumed by next() inside an except block
g = raiser()
next(g)
try:
    raise KeyError("caller")
except KeyError:
    try:
        next(g)
    except RuntimeError as e:
        show("next", e)


# resumed by a for loop (stackless) inside an except block
def two_then_raise():
    yield 1
    yield 2
    raise ValueError("after two")


try:
    raise KeyError("loop caller")
except KeyError:
    try:
        for x in two_then_raise():
            pass
    except ValueError as e:
        show("for", e)


# through yield from: the inner generator sees the outer caller's exception
def outer():
    yield from raiser()


try:
    raise TypeError("outermost")
except TypeError:
    try:
        list(outer())
    except RuntimeError as e:
        show("yield from", e)


# the generator's own handled exception wins over the caller's
def own_handler():
    try:
        raise IndexError("own")
    except IndexError:
        yield 1
        raise RuntimeError("from own handler")


g = own_handler()
next(g)
try:
    raise KeyError("caller2")
except KeyError:
    try:
        next(g)
    except RuntimeError as e:
        show("own", e)


# while suspended, a generator's handled exception does not leak out
g = own_handler()
next(g)
try:
    raise ZeroDivisionError("outside")
except ZeroDivisionError as e:
    show("suspended", e)


# a bare raise in a generator re-raises the caller's handled exception
def bare_raise():
    yield 1
    raise


g = bare_raise()
next(g)
try:
    raise LookupError("re-raised")
except LookupError:
    try:
        next(g)
    except LookupError as e:
        print("bare raise:", repr(e))

g = bare_raise()
next(g)
try:
    next(g)
except RuntimeError as e:
    print("bare raise with nothing handled:", repr(e))


# coroutines driven by hand
class Suspend:
    def __await__(self):
        yield "suspended"


async def inner_coro():
    await Suspend()
    raise RuntimeError("in coroutine")


async def outer_coro():
    try:
        raise KeyError("coro caller")
    except KeyError:
        await inner_coro()


c = outer_coro()
print(c.send(None))
try:
    c.send(None)
except RuntimeError as e:
    show("await", e)


# __aexit__ raising while the async with handles an exception
class FailingExit:
    async def __aenter__(self):
        return self

    async def __aexit__(self, typ, val, tb):
        raise OSError("in __aexit__")


async def uses_failing_exit():
    async with FailingExit():
        raise ValueError("body")


try:
    uses_failing_exit().send(None)
except OSError as e:
    show("__aexit__", e)


# an awaited coroutine (not suspended) raising in an except block
async def just_raise():
    raise ArithmeticError("awaited")


async def awaits_in_handler():
    try:
        raise NameError("handled")
    except NameError:
        try:
            await just_raise()
        except ArithmeticError as e:
            show("awaited", e)
    return "ok"


try:
    awaits_in_handler().send(None)
except StopIteration as s:
    print("returned", s.value)


# a coroutine sent into from an except block, by hand
async def raise_after_suspend():
    await Suspend()
    raise AssertionError("after suspend")


c = raise_after_suspend()
c.send(None)
try:
    raise UnicodeError("driver")
except UnicodeError:
    try:
        c.send(None)
    except AssertionError as e:
        show("driver", e)


# throw() into a generator suspended in its except block: the thrown
# exception gets the generator's handled exception as context
def suspended_in_handler():
    try:
        raise IndexError("gen handled")
    except IndexError:
        yield 1


g = suspended_in_handler()
next(g)
try:
    g.throw(TypeError("thrown"))
except TypeError as e:
    show("throw", e)


# close() raises GeneratorExit where it is called: inside an except block,
# that exception is its context; throw() chains only to the generator's own
def catches_exit():
    try:
        yield
    except GeneratorExit as e:
        print("close:", repr(e.__context__))
        raise


g = catches_exit()
next(g)
try:
    raise KeyError("closer")
except KeyError:
    g.close()


def raises_in_finally():
    try:
        yield
    finally:
        raise ValueError("in finally")


g = raises_in_finally()
next(g)
try:
    raise KeyError("closer2")
except KeyError:
    try:
        g.close()
    except ValueError as e:
        show("close raising", e)


def catches_thrown():
    try:
        yield
    except TypeError as e:
        print("thrown:", repr(e.__context__))


g = catches_thrown()
next(g)
try:
    raise KeyError("thrower")
except KeyError:
    try:
        g.throw(TypeError)
    except StopIteration:
        pass
