# Closures capture variables, not values.
def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(1))

def make_multipliers():
    fs = []
    for i in range(3):
        fs.append(lambda x: x * i)
    return fs

for f in make_multipliers():
    print(f(10), end=" ")
print()

def make_multipliers_fixed():
    fs = []
    for i in range(3):
        fs.append(lambda x, i=i: x * i)
    return fs

for f in make_multipliers_fixed():
    print(f(10), end=" ")
print()

def outer():
    x = "outer"
    def middle():
        def inner():
            return x + "!"
        return inner
    x = "changed"
    return middle()

print(outer()())

def compose(f, g):
    return lambda x: f(g(x))

inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))

def counter_pair():
    data = [0]
    def inc():
        data[0] += 1
        return data[0]
    def get():
        return data[0]
    return inc, get

i, g = counter_pair()
i()
i()
print(g())
