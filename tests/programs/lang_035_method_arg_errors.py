# argument errors for functions, methods, classes and builtins
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def deposit(self, amount):
        self.balance += amount
    def transfer(self, other, amount, *, note=""):
        pass
    @staticmethod
    def rate(kind):
        return 0.01
    @classmethod
    def open(cls, owner):
        return cls(owner)

def show(fn):
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)

acct = Account("ada")
show(lambda: Account())
show(lambda: Account("a", 1, 2))
show(lambda: Account("a", balance=1, colour="red"))
show(lambda: acct.deposit())
show(lambda: acct.deposit(1, 2))
show(lambda: acct.deposit(amount=1, extra=2))
show(lambda: acct.transfer(acct))
show(lambda: acct.transfer(acct, 1, 2))
show(lambda: acct.transfer(acct, 1, notes="x"))
show(lambda: Account.deposit(5))
show(lambda: Account.rate())
show(lambda: Account.open())
show(lambda: Account.open("a", "b"))
def f(a, b, /, c, *, d):
    return a
show(lambda: f(1, 2, 3))
def g(x, y=1, *args, z, **kw):
    return x
show(lambda: g())
show(lambda: g(1))
show(lambda: g(1, x=2, z=3))
def h(): pass
show(lambda: h(1))
show(lambda: h(a=1))
show(lambda: (lambda x: x)())
show(lambda: len())
show(lambda: len(1, 2))
show(lambda: "abc".split(1))
show(lambda: "abc".upper(1))
show(lambda: [].append())
show(lambda: {}.get())
show(lambda: sorted([1], cmp=None))
show(lambda: print(sepx=1))
show(lambda: int("1", "2", "3"))
show(lambda: isinstance(1))
class NoInit:
    pass
show(lambda: NoInit(1))
show(lambda: object(1))
def two(a, b): pass
show(lambda: two(1, 2, b=3))
