# The built-in exception hierarchy.
print(isinstance(ZeroDivisionError(), ArithmeticError), isinstance(OverflowError(), ArithmeticError))
print(isinstance(KeyError(), LookupError), isinstance(IndexError(), LookupError))
print(isinstance(UnboundLocalError(), NameError), isinstance(RecursionError(), RuntimeError))
print(isinstance(NotImplementedError(), RuntimeError), isinstance(ValueError(), Exception))
print(isinstance(KeyboardInterrupt(), Exception), isinstance(KeyboardInterrupt(), BaseException))
print(isinstance(StopIteration(), Exception), isinstance(AssertionError(), Exception))
print(isinstance(TypeError(), ValueError), isinstance(Exception(), BaseException))
print(isinstance(ValueError(), (TypeError, ValueError)), isinstance(1, (str, float)))

def catch(exc, handler):
    try:
        raise exc
    except handler:
        return "caught " + str(type(exc))
    except BaseException:
        return "escaped to BaseException"

print(catch(ZeroDivisionError("z"), ArithmeticError))
print(catch(KeyError("k"), LookupError))
print(catch(IndexError("i"), LookupError))
print(catch(UnboundLocalError("u"), NameError))
print(catch(RecursionError("r"), RuntimeError))
print(catch(KeyboardInterrupt(), Exception))
print(catch(ValueError("v"), (TypeError, ValueError)))
print(catch(TimeoutError("t"), Exception))
try:
    1 / 0
except ArithmeticError as e:
    print("ArithmeticError handler got", type(e))
try:
    x = undefined_variable
except Exception as e:
    print(isinstance(e, NameError), e)
print(isinstance(True, int), isinstance(1, int), isinstance(1.0, int), isinstance("", str))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(None, int))
