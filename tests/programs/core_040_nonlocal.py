# nonlocal rebinds a variable of an enclosing function.
def make_counter():
    count = 0
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())

def outer():
    x = 1
    def mid():
        nonlocal x
        x = 2
        def inner():
            nonlocal x
            x = 3
        inner()
        return x
    r = mid()
    return r, x

print(outer())

def accumulate():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total
    def report():
        return (total, items)
    return add, report

add, report = accumulate()
add(5)
add(7)
print(report())

def no_nonlocal():
    x = 1
    def inner():
        x = 99
        return x
    inner()
    return x

print(no_nonlocal())
