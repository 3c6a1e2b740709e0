# Exception args, str() and repr().
e = ValueError("bad value")
print(e, repr(e), e.args)
e = ValueError()
print(repr(str(e)), repr(e), e.args)
e = ValueError("a", 1)
print(e, repr(e), e.args)
e = ValueError(42)
print(e, e.args, str(e) == "42")
k = KeyError("key")
print(k, repr(k), k.args)
k = KeyError(3)
print(k)
print(str(IndexError("list index out of range")))
print(repr(ZeroDivisionError("division by zero")))
print(repr(RuntimeError("it's")), repr(TypeError('say "x"')))
print(Exception("generic"), BaseException("base"), AssertionError())
print(type(ValueError("x")), ValueError, KeyError)
try:
    int("12a")
except ValueError as err:
    print(err.args)
try:
    {}["k"]
except KeyError as err:
    print(err, err.args)
try:
    [1][5]
except IndexError as err:
    print(err)
try:
    10 % 0
except ZeroDivisionError as err:
    print(err)
try:
    10.0 / 0
except ZeroDivisionError as err:
    print(err)
try:
    0 ** -1
except ZeroDivisionError as err:
    print(err)
print(len(ValueError("a", "b").args))
