# return and break in finally override the pending exception or return value.
def override_return():
    try:
        return "try"
    finally:
        return "finally"

print(override_return())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "exception swallowed by return in finally"

print(swallow())

def break_in_finally():
    for i in range(5):
        try:
            raise KeyError(i)
        finally:
            break
    return "loop ended with i = " + str(i)

print(break_in_finally())

def return_value_evaluated_first():
    x = 1
    try:
        return x
    finally:
        x = 2

print(return_value_evaluated_first())

def exception_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except Exception as e:
        return type(e), str(e)

print(exception_in_finally())

def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError("skipped")
            out.append(i)
        except RuntimeError:
            out.append("err")
        finally:
            continue
    return out

print(continue_in_finally())
