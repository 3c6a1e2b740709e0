# Positional-only parameters (before /).
def f(a, b, /, c, *, d=4):
    return a, b, c, d


print(f(1, 2, 3))
print(f(1, 2, c=3, d=5))


def g(a, /, **kw):
    return a, kw


print(g(1, a=2))
try:
    f(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
f(1, 2, 3, b=9)
