# Unpacking arguments at the call site.
def f(a, b, c):
    return a * 100 + b * 10 + c

args = [1, 2, 3]
print(f(*args))
print(f(*(4, 5), 6), f(7, *[8, 9]))
kwargs = {"c": 3, "b": 2, "a": 1}
print(f(**kwargs))
print(f(1, **{"b": 2, "c": 3}), f(*[1], **{"c": 9, "b": 8}))
print(*[1, 2, 3])
print(*"abc", sep="-")
print(*range(4), sep=", ", end=" <end>\n")
print(max(*[3, 8, 1]), min(*(5, 2, 9)))

def g(*args, **kwargs):
    return args, kwargs

print(g(*[1, 2], *(3,), x=1, **{"y": 2}))
try:
    f(*[1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, **{"a": 1, "b": 2, "c": 3})
except TypeError as e:
    print("TypeError:", e)
