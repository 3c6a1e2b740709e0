# __setattr__, __delattr__ and __getattr__ hooks
class Tracked:
    def __init__(self):
        self.changes = []
        self.value = 0

    def __setattr__(self, name, val):
        if name != "changes":
            self.changes.append((name, val))
        super().__setattr__(name, val)

    def __delattr__(self, name):
        self.changes.append(("del", name))
        object.__delattr__(self, name)

t = Tracked()
t.value = 5
t.extra = "x"
del t.extra
print(t.changes, t.value, hasattr(t, "extra"))

class Frozen:
    def __init__(self, **fields):
        for k, v in fields.items():
            object.__setattr__(self, k, v)
    def __setattr__(self, name, val):
        raise AttributeError(f"{type(self).__name__} is frozen, cannot set {name!r}")
    def __repr__(self):
        return "Frozen(" + ", ".join(f"{k}={v!r}" for k, v in vars(self).items()) + ")"

f = Frozen(x=1, y="two")
print(f, f.x)
try:
    f.x = 10
except AttributeError as e:
    print("AttributeError:", e)

class Defaults:
    known = "class attr"
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("opt_"):
            return name[4:].upper()
        raise AttributeError(f"no {name}")

d = Defaults()
print(d.real, d.known, d.opt_color, getattr(d, "opt_size"), hasattr(d, "missing"), getattr(d, "nope", "dflt"))
try:
    d.missing
except AttributeError as e:
    print("AttributeError:", e)

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
class Box:
    pass
b = Box()
p = Proxy(b)
p.size = 3
print(b.size, p.size, vars(p) == {"_target": b})
try:
    object.__setattr__(f, 5, 1)
except TypeError as e:
    print("TypeError:", e)
