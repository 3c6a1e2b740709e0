# closures over loop variables, nonlocal counters, global state
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(10), c2())

def make_multipliers():
    return [lambda x: x * i for i in range(4)]
print([m(2) for m in make_multipliers()])

def make_multipliers_fixed():
    result = []
    for i in range(4):
        def mul(x, i=i):
            return x * i
        result.append(mul)
    return result
print([m(2) for m in make_multipliers_fixed()])

def outer():
    x = "enclosing"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())

total = 0
def add_to_total(n):
    global total
    total += n
    return total
add_to_total(5)
add_to_total(7)
print(total)

def accumulate():
    items = []
    def add(x):
        items.append(x)
        return items
    return add
acc = accumulate()
acc(1)
print(acc(2), acc.__name__, acc.__qualname__)

def shadow():
    total = "local"
    return total
print(shadow(), total)
def late_binding():
    fns = {}
    for name in ["a", "b"]:
        fns[name] = lambda: name
    return fns["a"](), fns["b"]()
print(late_binding())
def counter_gen():
    state = {"n": 0}
    def bump():
        state["n"] += 1
        return state["n"]
    return bump
b = counter_gen()
print(b(), b(), b())
