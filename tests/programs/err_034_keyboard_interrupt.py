# BaseException subclasses are not caught by "except Exception".
try:
    raise KeyboardInterrupt
except Exception:
    print("not reached")
