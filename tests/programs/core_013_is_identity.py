# `is` compares identity.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, b is not a)
print(None is None, a is None, a is not None)
x = None
print(x is None, x is not None, x == None)
t = True
print(t is True, t is not False, (1 == 1) is True, bool(0) is False)

def f():
    pass

r = f()
print(r is None, f is f)
b.append(3)
print(a, c)
d = {}
e = d
e["k"] = 1
print(d, d is e)
s = "hello"
s2 = s
print(s is s2)
n1 = len(a)
print(type(n1) is int, type(1.5) is float, type("x") is str, type(True) is bool, type(None) is type(x))
