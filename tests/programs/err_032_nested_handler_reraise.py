# An exception escaping through several frames and handlers that do not match.
def inner():
    raise LookupError("deep")

def middle():
    try:
        inner()
    except ValueError:
        print("wrong handler")
    finally:
        print("middle finally")

def outer():
    try:
        middle()
    except TypeError:
        print("wrong again")

outer()
