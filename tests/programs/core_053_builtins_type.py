# type() and the reprs of the built-in types.
print(type(1), type(1.5), type("s"), type(True), type(None))
print(type([]), type(()), type({}), type(range(1)))

def f():
    pass

print(type(f), type(lambda: 0), type(len), type(print))
print(type(ValueError("x")), type(KeyError()))
print(type(type(1)), type(int))
print(int, float, str, bool, list, tuple, dict, range, type)
print(type(1) == int, type(True) == int, type(True) == bool, type(1.0) is float)
print(type("a") is type("b"), type([]) is list)
print(str(type(0)), repr(type("")))
print(int("5") + 1, float("2.5") * 2, str(3) * 2, bool("x"))
print(isinstance(5, int), isinstance(5, float), isinstance(int, type))
