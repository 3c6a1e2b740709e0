# __call__, plain decorators and decorators with arguments
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k
double = Multiplier(2)
print(double(21), callable(double), callable(Multiplier), callable(5), list(map(double, [1, 2])))

def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper

@shout
def greet(name, greeting="hello"):
    return f"{greeting}, {name}"
print(greet("ada"), greet("bob", greeting="hi"))

def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate

@repeat(3)
def roll(x):
    return x + 1
print(roll(1))

calls = []
def logged(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    wrapper.__name__ = fn.__name__
    return wrapper

@logged
@shout
def name_of(x):
    return x
print(name_of("x"), calls, name_of.__name__)

class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.count = 0
    def __call__(self, *args):
        self.count += 1
        return self.fn(*args)

@CountCalls
def add(a, b):
    return a + b
print(add(1, 2), add(3, 4), add.count)

def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
class Greeter:
    @shout
    def hi(self, who):
        return "hi " + who
print(Greeter().hi("there"))
