# A BaseExceptionGroup holding KeyboardInterrupt and SystemExit is just an uncaught
# exception: its box is printed and the exit status is 1.
class Stop(BaseExceptionGroup):
    pass


def stop():
    raise Stop("stopping", [KeyboardInterrupt(), SystemExit(3), ValueError("plain")])


try:
    stop()
except Stop as group:
    print("caught", type(group).__name__, repr(group.exceptions[2]))
    raise
