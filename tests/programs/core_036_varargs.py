# *args and **kwargs parameters.
def count(*args):
    return len(args), args

print(count(), count(1), count(1, "a", [2]))

def total(first, *rest):
    s = first
    for r in rest:
        s += r
    return s

print(total(1), total(1, 2, 3), total("a", "b", "c"))

def kw(**kwargs):
    return kwargs

print(kw(), kw(a=1), kw(z=26, a=1, m=13))

def both(a, b=2, *args, **kwargs):
    print("a =", a, "b =", b, "args =", args, "kwargs =", kwargs)

both(1)
both(1, 3)
both(1, 3, 5, 7)
both(1, x=9)
both(1, 2, 3, y=4, b2=5)

def show_types(*args, **kwargs):
    print(type(args), type(kwargs))

show_types()

def apply(f, *args, **kwargs):
    return f(*args, **kwargs)

def sub(a, b):
    return a - b

print(apply(sub, 10, 3), apply(sub, b=10, a=3))
print(apply(print, "printed", "via", "apply", sep="-"))
