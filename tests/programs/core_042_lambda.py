# lambda expressions.
square = lambda x: x * x
print(square(7), (lambda: "no args")(), (lambda a, b=2: a + b)(1))
print((lambda *a, **k: (a, k))(1, 2, z=3))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "neg": lambda a, b=0: -a}
for name in ops:
    print(name, ops[name](6, 7))
fns = [lambda x: x + 1, lambda x: x * 2, lambda x: x ** 2]
v = 3
for f in fns:
    v = f(v)
print(v)
make = lambda n: lambda x: x + n
print(make(10)(5))
print((lambda x: "even" if x % 2 == 0 else "odd")(7))
nested = lambda x: (lambda y: (lambda z: x + y + z))
print(nested(1)(2)(3))
print(type(square))
