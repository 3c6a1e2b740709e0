# unsupported operand types between a custom class and an int
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented
    def __repr__(self):
        return f"Money({self.cents})"

print(Money(1) + Money(2))
print(Money(5) + 3)
