# raise, raise with a class, and bare re-raise.
def check(v):
    if v < 0:
        raise ValueError("negative: " + str(v))
    return v

try:
    check(-3)
except ValueError as e:
    print("caught:", e)
try:
    raise KeyError
except KeyError as e:
    print("class raised, args =", e.args, "str =", repr(str(e)))

def wrapper():
    try:
        check(-1)
    except ValueError:
        print("logging, then re-raising")
        raise

try:
    wrapper()
except ValueError as e:
    print("re-raised:", e)
try:
    try:
        raise IndexError("original")
    except IndexError as e:
        err = e
        raise
except IndexError as e2:
    print(e2 is err, e2)

def raise_saved():
    try:
        [][1]
    except IndexError as e:
        saved = e
    raise saved

try:
    raise_saved()
except IndexError as e:
    print("saved exception raised again:", e)
try:
    raise RuntimeError("a", "b")
except RuntimeError as e:
    print(e.args, e)
for exc in [ValueError, TypeError, NameError, ZeroDivisionError]:
    try:
        raise exc("msg")
    except Exception as e:
        print(type(e), e)
