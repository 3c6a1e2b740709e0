# class decorators, registries, decorating methods, stacking order
registry = {}
def register(cls):
    registry[cls.__name__.lower()] = cls
    return cls

def with_greeting(greeting):
    def decorate(cls):
        cls.greet = lambda self: f"{greeting}, I am {self.name}"
        return cls
    return decorate

@register
@with_greeting("Hello")
class Robot:
    def __init__(self, name):
        self.name = name

@register
class Human:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return "hi, " + self.name

print(sorted(registry))
for key in ["robot", "human"]:
    obj = registry[key](key.title() + "-1")
    print(type(obj).__name__, obj.greet())

order = []
def trace(label):
    def deco(fn):
        order.append(f"decorating {fn.__name__} with {label}")
        def wrapper(*a, **k):
            order.append(f"enter {label}")
            result = fn(*a, **k)
            order.append(f"exit {label}")
            return result
        return wrapper
    return deco

@trace("outer")
@trace("inner")
def work(x):
    order.append(f"work {x}")
    return x * 2
print(work(21))
for line in order:
    print(line)

def validate(fn):
    def wrapper(self, value):
        if value < 0:
            raise ValueError(f"{fn.__name__}: negative value {value}")
        return fn(self, value)
    return wrapper

class Tank:
    def __init__(self):
        self.level = 0
    @validate
    def fill(self, amount):
        self.level += amount
        return self.level
t = Tank()
print(t.fill(5), t.fill(3))
try:
    t.fill(-1)
except ValueError as e:
    print("ValueError:", e)
