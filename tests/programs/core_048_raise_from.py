# raise ... from ... sets __cause__; raising in a handler sets __context__.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("could not parse " + repr(s)) from e

try:
    parse("xyz")
except RuntimeError as e:
    print(e)
    print(type(e.__cause__), e.__cause__)
    print(e.__context__ is e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("while handling")
except KeyError as e:
    print(repr(e), type(e.__context__), e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no context shown") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__)
print(parse("42"))
