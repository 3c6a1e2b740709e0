# An outer finally must run on every path out of its try, even when a nested
# try holds a return / break / continue whose compile-time unwinding also
# compiled the outer finally body (with a loop, a try or a with inside it).


class CM:
    def __init__(self, log, tag):
        self.log = log
        self.tag = tag

    def __enter__(self):
        self.log.append(("enter", self.tag))
        return self

    def __exit__(self, *exc):
        self.log.append(("exit", self.tag, exc[0].__name__ if exc[0] else None))
        return False


def run(name, fn, *args):
    log = []
    try:
        result = fn(log, *args)
    except Exception as e:
        result = "raised " + type(e).__name__
    print(name, result, log)


def while_in_finally(log, fail):
    try:
        try:
            if fail:
                raise ValueError
            return 1
        finally:
            pass
    finally:
        while True:
            log.append("outer")
            break


def for_in_finally(log, fail):
    try:
        try:
            if fail:
                raise ValueError
            return 2
        finally:
            log.append("inner")
    finally:
        for i in range(2):
            log.append(("outer", i))


def try_in_finally(log, fail):
    try:
        try:
            if fail:
                raise KeyError
            return 3
        finally:
            log.append("inner")
    finally:
        try:
            log.append("outer")
        except ValueError:
            pass


def try_finally_in_finally(log, fail):
    try:
        try:
            if fail:
                raise KeyError
            return 4
        finally:
            log.append("inner")
    finally:
        try:
            log.append("outer-try")
        finally:
            log.append("outer-finally")


def with_in_finally(log, fail):
    try:
        try:
            if fail:
                raise KeyError
            return 5
        finally:
            log.append("inner")
    finally:
        with CM(log, "w"):
            log.append("outer")


def break_in_nested(log, fail):
    for i in range(3):
        try:
            try:
                if fail and i == 1:
                    raise ValueError(i)
                if i == 2:
                    break
            finally:
                log.append(("inner", i))
        finally:
            for j in range(1):
                log.append(("outer", i, j))
    return "done"


def continue_in_nested(log, fail):
    i = 0
    while i < 3:
        i += 1
        try:
            try:
                if fail and i == 2:
                    raise ValueError(i)
                continue
            finally:
                log.append(("inner", i))
        finally:
            while True:
                log.append(("outer", i))
                break
    return "done"


def three_levels(log, fail):
    try:
        try:
            try:
                if fail:
                    raise ValueError
                return 6
            finally:
                for k in range(1):
                    log.append("level3")
        finally:
            try:
                log.append("level2")
            finally:
                pass
    finally:
        while True:
            log.append("level1")
            break


def loop_around_nested(log, fail):
    # a loop between the two try statements: its break list must survive
    # the return's unwinding of the outer finally
    try:
        while True:
            try:
                if fail:
                    raise ValueError
                if log:
                    break
                log.append("first")
                return 7
            finally:
                log.append("inner")
    finally:
        for x in (1,):
            log.append("outer")


def nested_function(log, fail):
    def inner():
        try:
            try:
                if fail:
                    raise ValueError
                return "inner-result"
            finally:
                log.append("i1")
        finally:
            while True:
                log.append("i2")
                break

    try:
        return inner()
    finally:
        for x in range(1):
            log.append("outer")


def return_in_nested_finally_loop(log, fail):
    try:
        try:
            if fail:
                raise ValueError
            return 8
        finally:
            pass
    finally:
        while True:
            log.append("loop")
            if not fail:
                break
            return "overridden"


def break_in_finally_during_return(log, fail):
    # a break in a finally run by a return's unwinding drops the return value
    for i in range(2):
        try:
            if fail:
                raise ValueError
            return "lost"
        finally:
            log.append(i)
            break
    return "after loop"


def continue_in_finally_during_return(log, fail):
    for i in range(3):
        try:
            try:
                if fail:
                    raise ValueError
                return "lost"
            finally:
                log.append(("inner", i))
        finally:
            for j in range(1):
                log.append(("outer", i))
            continue
    return "after loop"


def with_return_then_finally(log, fail):
    try:
        with CM(log, "a"):
            try:
                if fail:
                    raise ValueError
                return 9
            finally:
                log.append("inner")
    finally:
        try:
            for k in range(1):
                log.append("outer")
        except Exception:
            pass


def generator_close(log, fail):
    def gen():
        try:
            try:
                yield 1
                return
            finally:
                log.append("g-inner")
        finally:
            while True:
                log.append("g-outer")
                break

    g = gen()
    next(g)
    if fail:
        try:
            g.throw(ValueError)
        except ValueError:
            pass
    else:
        g.close()
    return "closed"


for fn in (while_in_finally, for_in_finally, try_in_finally, try_finally_in_finally, with_in_finally,
           break_in_nested, continue_in_nested, three_levels, loop_around_nested, nested_function,
           return_in_nested_finally_loop, break_in_finally_during_return, continue_in_finally_during_return,
           with_return_then_finally, generator_close):
    run(fn.__name__, fn, False)
    run(fn.__name__ + "/raise", fn, True)


# the repro, at module level
def f(log):
    try:
        try:
            raise ValueError
            return 1
        finally:
            pass
    finally:
        while True:
            log.append(1)
            break


log = []
try:
    f(log)
except ValueError:
    pass
print(log)
