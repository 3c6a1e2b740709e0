# __doc__ of functions and classes; vars(), globals(), locals()
def documented(x):
    """Return x doubled."""
    return 2 * x

def undocumented(x):
    label = "not a docstring"
    return label

class Widget:
    """A widget.

    It has two lines of docs.
    """
    size = 3

    def area(self):
        "Area of the widget."
        return self.size ** 2

class Gadget(Widget):
    pass

print(repr(documented.__doc__), repr(undocumented.__doc__), repr((lambda: "x").__doc__))
print(Widget.__doc__.splitlines()[0], repr(Gadget.__doc__), Widget.area.__doc__, Widget().area.__doc__)

def with_doc(fn):
    def wrapper(*args):
        return fn(*args)
    wrapper.__doc__ = fn.__doc__
    wrapper.__name__ = fn.__name__
    return wrapper

@with_doc
def triple(x):
    """Triple it."""
    return 3 * x
print(triple.__name__, triple.__doc__, triple(2))

w = Widget()
w.color = "red"
w.size = 5
print(vars(w), vars(Widget)["size"], "area" in vars(Widget))
counter = 10
print(globals()["counter"], "documented" in globals(), locals() is globals())

def show_locals(a, b=2, *rest, **opts):
    total = a + b
    return sorted(locals().items())
print(show_locals(1, 3, 4, k="v"))

def fmt(name, age):
    unit = "years"
    return "{name} is {age} {unit}".format(**locals())
print(fmt("ada", 36))
globals()["created"] = "dynamically"
print(created)
try:
    vars(42)
except TypeError as e:
    print("TypeError:", e)
