# the OSError family as network and file code catches it (no real I/O)
class FakeSocket:
    def __init__(self, behaviour):
        self.behaviour = behaviour
    def send(self, data):
        if self.behaviour == "reset":
            raise ConnectionResetError(104, "Connection reset by peer")
        if self.behaviour == "refused":
            raise ConnectionRefusedError("connection refused")
        if self.behaviour == "slow":
            raise TimeoutError("timed out")
        if self.behaviour == "pipe":
            raise OSError(32, "Broken pipe")
        return len(data)

for behaviour in ["ok", "reset", "refused", "slow", "pipe"]:
    sock = FakeSocket(behaviour)
    try:
        print(behaviour, "sent", sock.send("hello"))
    except ConnectionError as e:
        print(behaviour, "connection problem:", type(e).__name__, e, e.errno)
    except TimeoutError as e:
        print(behaviour, "timeout:", e, isinstance(e, OSError))
    except OSError as e:
        print(behaviour, "os error:", type(e).__name__, e.errno, e.strerror)

def open_config(path):
    raise FileNotFoundError(2, "No such file or directory")
try:
    open_config("app.ini")
except (FileNotFoundError, PermissionError) as e:
    print(type(e).__name__, e, e.args, repr(e))
print(type(OSError(2, "x")).__name__, type(OSError(13, "x")).__name__, type(OSError(999, "x")).__name__, type(OSError("x")).__name__)
print(IOError is OSError, EnvironmentError is OSError, [c.__name__ for c in BrokenPipeError.__mro__])
print(issubclass(FileExistsError, OSError), issubclass(TimeoutError, OSError), issubclass(FloatingPointError, ArithmeticError))
warnings = [UserWarning("careful"), DeprecationWarning("old"), FutureWarning("soon")]
print([(type(w).__name__, str(w), isinstance(w, Warning)) for w in warnings])
raise PermissionError(13, "Permission denied")
