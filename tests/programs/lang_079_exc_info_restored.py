# The exception being handled is restored exactly on every way out of an
# except / finally / with block, so that later exceptions get the right
# __context__ (and a bare raise finds the right exception).


def probe(tag):
    try:
        raise KeyError(tag)
    except KeyError as k:
        print(tag, "context:", repr(k.__context__))


# an exception raised in a named handler, caught outside
try:
    try:
        raise ValueError(1)
    except ValueError as e:
        raise RuntimeError(2)
except RuntimeError:
    pass
probe("named handler")

try:
    try:
        raise ValueError(1)
    except ValueError:
        raise RuntimeError(2)
except RuntimeError:
    pass
probe("unnamed handler")


# ... leaving a function through its named handler
def leaves_through_handler():
    try:
        int("x")
    except ValueError as e:
        1 / 0


try:
    leaves_through_handler()
except ZeroDivisionError:
    pass
probe("function")


# ... nested named handlers
try:
    try:
        raise ValueError(1)
    except ValueError as a:
        try:
            raise TypeError(2)
        except TypeError as b:
            raise RuntimeError(3)
except RuntimeError as r:
    print("nested:", repr(r.__context__), repr(r.__context__.__context__))
probe("nested")


# ... then a bare raise sees nothing
def bare():
    raise


try:
    try:
        raise ValueError(1)
    except ValueError as e:
        raise RuntimeError(2)
except RuntimeError:
    pass
try:
    bare()
except RuntimeError as e:
    print("bare raise:", e)


# ... a generator leaving through its named handler
def gen():
    try:
        yield 1
        raise ValueError(1)
    except ValueError as e:
        yield 2
        raise RuntimeError(3)


try:
    for x in gen():
        probe("inside loop %d" % x)
except RuntimeError:
    pass
probe("generator")


# return / break / continue out of named handlers
def returns():
    try:
        raise ValueError(1)
    except ValueError as e:
        return "returned"


print(returns())
probe("return")

for i in range(2):
    try:
        raise ValueError(i)
    except ValueError as e:
        if i:
            break
        continue
probe("break / continue")


# finally and with on the exception path
class Exit:
    def __init__(self, suppress):
        self.suppress = suppress

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.suppress


try:
    try:
        raise ValueError(1)
    finally:
        probe("in finally")
except ValueError:
    pass
probe("after finally")

with Exit(True):
    raise ValueError(1)
probe("after suppressing with")

try:
    with Exit(False):
        raise ValueError(1)
except ValueError:
    pass
probe("after with")


# raising an exception object again replaces its __context__ with the
# exception being handled now
e = ValueError("reused")
try:
    raise KeyError("first")
except KeyError:
    try:
        raise e
    except ValueError:
        pass
print("first raise:", repr(e.__context__))
try:
    raise TypeError("second")
except TypeError:
    try:
        raise e
    except ValueError:
        pass
print("second raise:", repr(e.__context__))

# a context chain that would become a cycle is cut
try:
    raise KeyError(1)
except KeyError as a:
    try:
        raise ValueError(2)
    except ValueError as b:
        try:
            raise a
        except KeyError as c:
            print("cycle cut:", repr(c.__context__), repr(b.__context__))

# re-raising the exception being handled keeps its context
try:
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError as v:
            raise v
except ValueError as v:
    print("re-raise:", repr(v.__context__))
