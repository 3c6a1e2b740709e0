# math functions accept objects with __float__, __index__, __floor__, __ceil__, __trunc__.
import math


class Meters:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return float(self.v)


class Count:
    def __index__(self):
        return 7


class Money:
    def __floor__(self):
        return "floored"

    def __ceil__(self):
        return "ceiled"

    def __trunc__(self):
        return "truncated"


print(math.sqrt(Meters(2.25)), math.sqrt(Count()), math.factorial(Count()), math.gcd(Count(), 21))
print(math.floor(Money()), math.ceil(Money()), math.trunc(Money()), math.floor(Meters(2.5)))
print(math.isclose(Meters(1), 1.0), math.hypot(Meters(3), 4), math.comb(Count(), 2))
try:
    math.trunc(Meters(1))
except TypeError as e:
    print(e)
