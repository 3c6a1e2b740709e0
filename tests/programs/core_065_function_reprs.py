# Reprs that contain addresses (masked by the test runner).
def f():
    pass

print(f)
print(lambda: 0)
print(repr(f) == str(f), [f][0] is f)

def outer():
    def inner():
        pass
    return inner

print(outer())
print(len)
print(print, type(f))
print(str(f).startswith("<function f at 0x"))
