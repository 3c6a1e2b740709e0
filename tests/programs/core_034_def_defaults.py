# Functions with default arguments; defaults are evaluated once.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", "Yo", "?"))
base = 10

def add(x, y=base):
    return x + y

base = 20
print(add(1), add(1, 2))

def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))

def safer(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(safer(1), safer(2))

def nothing():
    pass

print(nothing())

def early(x):
    if x:
        return
    return "reached"

print(early(1), early(0))

def multi():
    return 1, "two", [3]

print(multi())
a, b, c = multi()
print(c, b, a)
