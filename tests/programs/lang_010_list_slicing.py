# list and tuple slicing, slice assignment and deletion
a = list(range(10))
print(a[2:7], a[::3], a[::-1], a[7:2:-2], a[-3:], a[:-7:-1])
t = tuple(range(8))
print(t[1:5], t[::-2], t[5:1:-1], t[::4], t[10:], t[-2:])
b = a[:]
b[2:5] = ["x", "y"]
print(b)
b[1:1] = [100, 200, 300]
print(b)
b[:] = [1, 2, 3]
print(b)
c = list(range(10))
c[::2] = ["e"] * 5
print(c)
c[1::3] = [None, None, None]
print(c)
c[::-1] = list(range(10))
print(c)
del c[::2]
print(c)
d = list(range(10))
del d[2:5]
print(d)
del d[-2:]
print(d)
del d[::-3]
print(d)
e = [1, 2, 3]
e[len(e):] = [4, 5]
e[:0] = [0]
print(e)
try:
    c = list(range(6))
    c[::2] = [1, 2]
except ValueError as err:
    print("ValueError:", err)
f = [0, 1, 2, 3]
f[1:3] = "ab"
print(f)
f[2:] = (9,)
print(f)
print([1, 2, 3][slice(0, 2)], (1, 2, 3)[slice(None, None, -1)])
