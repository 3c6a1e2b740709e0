# context managers: suppressing selected exceptions, errors inside __exit__, reuse, return values
class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.kinds):
            self.caught = ev
            return True
        return False

with Suppress(KeyError, IndexError) as s:
    [][1]
print("suppressed", repr(s.caught))
try:
    with Suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed:", e)

class Transaction:
    def __init__(self, log):
        self.log = log
    def __enter__(self):
        self.log.append("begin")
        return self
    def __exit__(self, et, ev, tb):
        self.log.append("rollback" if et else "commit")
        return False

log = []
with Transaction(log):
    log.append("work 1")
try:
    with Transaction(log):
        log.append("work 2")
        raise RuntimeError("fail")
except RuntimeError:
    log.append("handled")
print(log)

class Broken:
    def __enter__(self):
        return "resource"
    def __exit__(self, *exc):
        raise ValueError("exit failed")
try:
    with Broken() as r:
        print("using", r)
        raise KeyError("body")
except ValueError as e:
    print("ValueError:", e, "| context:", repr(e.__context__))

class EnterFails:
    def __enter__(self):
        raise OSError("cannot open") if False else LookupError("cannot open")
    def __exit__(self, *exc):
        print("exit not called")
try:
    with EnterFails():
        print("body not run")
except LookupError as e:
    print("LookupError:", e)

def find(items, target):
    with Transaction(log):
        for i, item in enumerate(items):
            if item == target:
                return i
    return -1
log.clear()
print(find("abc", "b"), find("abc", "z"), log)
t = Transaction([])
with t:
    pass
with t:
    pass
print(t.log)
