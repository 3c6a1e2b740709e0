# del on names, list items and dict keys.
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a = [0, 1, 2, 3, 4]
del a[0]
print(a)
del a[-1]
print(a)
del a[1], a[0]
print(a)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
try:
    del a[10]
except IndexError as e:
    print("IndexError:", e)
y = 1
z = 2
del y, z
try:
    y
except NameError as e:
    print(e)

def f():
    v = 1
    del v
    return "deleted"

print(f())
