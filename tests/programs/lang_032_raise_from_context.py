# raise ... from ..., __cause__, __context__, suppression with from None
class ConfigError(Exception):
    pass

def parse_port(text):
    try:
        return int(text)
    except ValueError as exc:
        raise ConfigError(f"bad port {text!r}") from exc

try:
    parse_port("eighty")
except ConfigError as e:
    print(e, "| cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)
    print(type(e.__context__).__name__, e.__cause__ is e.__context__)

def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError("missing " + k) from None

try:
    lookup({}, "x")
except LookupError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print(e, "| context:", repr(e.__context__), "| cause:", e.__cause__)

def reraise():
    try:
        [][0]
    except IndexError as e:
        print("logging", e)
        raise
try:
    reraise()
except IndexError as e:
    print("re-raised", e)
try:
    raise ValueError("outer") from KeyError("inner")
except ValueError as e:
    print(repr(e.__cause__), e.__cause__.args)
try:
    raise TypeError("x") from 5
except TypeError as e:
    print("TypeError:", e)
err = None
try:
    raise KeyError("gone")
except KeyError as exc:
    err = exc
print(repr(err), err.__traceback__ is not None)
try:
    exc
except NameError as e:
    print("NameError:", e)
