# A bare raise re-raises the exception being handled.
def risky():
    return [1, 2, 3][10]

try:
    risky()
except IndexError:
    print("logged the error, re-raising")
    raise
