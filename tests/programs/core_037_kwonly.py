# Keyword-only parameters after * or *args.
def f(a, *, b, c=3):
    return (a, b, c)

print(f(1, b=2), f(1, c=30, b=20), f(a=0, b=0))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)

def g(*args, sep=", ", end="."):
    out = ""
    for i in range(len(args)):
        if i:
            out += sep
        out += str(args[i])
    return out + end

print(g(1, 2, 3), g(1, 2, sep="|"), g(end="!"), g("x", end=""))

def h(a, b=1, *rest, key, flag=False, **extra):
    return [a, b, rest, key, flag, extra]

print(h(1, key="k"))
print(h(1, 2, 3, 4, key="k", flag=True, other=0))
try:
    h(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

def kw_only_required(*, x, y):
    return x * y

print(kw_only_required(y=3, x=4))
try:
    kw_only_required()
except TypeError as e:
    print("TypeError:", e)
