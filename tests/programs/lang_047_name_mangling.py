# private names: __attr inside a class becomes _Class__attr
class Account:
    __count = 0

    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance
        Account.__count += 1

    def __audit(self, action):
        return f"{self.owner}: {action}"

    def withdraw(self, amount):
        if amount > self.__balance:
            return self.__audit("refused")
        self.__balance -= amount
        return self.__audit(f"ok, left {self.__balance}")

    @classmethod
    def count(cls):
        return cls.__count

a = Account("ada", 100)
b = Account("bob", 5)
print(a.withdraw(30), "|", b.withdraw(30))
print(Account.count(), a._Account__balance, sorted(vars(a)))
print(hasattr(a, "__balance"), hasattr(a, "_Account__balance"), "_Account__audit" in Account.__dict__)
try:
    print(a.__balance)
except AttributeError as e:
    print("AttributeError:", e)

class Savings(Account):
    def __init__(self, owner, balance):
        super().__init__(owner, balance)
        self.__balance = "shadow"

    def both(self):
        return self.__balance, self._Account__balance

s = Savings("cy", 50)
print(s.both(), sorted(vars(s)))

class _Hidden:
    def __init__(self):
        self.__x = 1
print(vars(_Hidden()))
class __Dunder__:
    def __init__(self):
        self.__y__ = 2
        self.__z = 3
print(sorted(vars(__Dunder__())))
