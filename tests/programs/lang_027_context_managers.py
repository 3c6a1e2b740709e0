# with statements: __enter__/__exit__, exceptions, suppression, nesting
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, repr(exc))
        return self.suppress

with Resource("a") as r:
    print("inside", r.name)
with Resource("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Resource("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
with Resource("outer") as o, Resource("inner") as i:
    print("both", o.name, i.name)
def early():
    with Resource("ret"):
        return "returned"
print(early())
for n in range(3):
    with Resource(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("body", n)
class Timer:
    def __enter__(self):
        self.events = ["start"]
        return self.events
    def __exit__(self, *args):
        self.events.append("stop")
t = Timer()
with t as events:
    events.append("work")
print(t.events, events is t.events)
with Resource("x", suppress=True) as r:
    with Resource("y"):
        1 / 0
print("done")
class NoEnter:
    def __exit__(self, *a):
        return False
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
