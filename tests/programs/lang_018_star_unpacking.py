# * and ** in displays and calls
a = [1, 2]
b = (3, 4)
print([*a, *b, 5], (*a, *b), {*a, *b}, [*"hi", *range(2)])
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2}, {**d2, **d1}, {"w": 0, **d1, "x": 100})
def show(*args, **kwargs):
    print("args", args, "kwargs", kwargs)
show(*a)
show(*a, *b, 9)
show(**d1)
show(0, *a, k=1, **d2)
show(*[], **{})
def point(x, y, z=0):
    return f"({x}, {y}, {z})"
print(point(*a), point(*a, z=9), point(**{"x": 1, "y": 2, "z": 3}), point(1, **{"y": 5}))
print(*a, *b, sep="-")
print(*"abc")
first, *rest = [10, 20, 30]
print(first, rest)
def collect(head, *tail, sep=", ", **opts):
    return head + sep.join(tail) + str(sorted(opts.items()))
print(collect("x:", "a", "b", sep="|", q=1, p=2))
def kwonly(*, name, value=0):
    return name, value
print(kwonly(name="n"), kwonly(value=2, name="m"))
try:
    point(*[1, 2, 3, 4])
except TypeError as e:
    print("TypeError:", e)
try:
    point(1, **{"x": 2, "y": 3})
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    show(**[1])
except TypeError as e:
    print("TypeError:", e)
