# an uncaught custom exception with extra fields ends the program
class PaymentError(Exception):
    def __init__(self, amount, reason):
        super().__init__(f"payment of {amount} failed: {reason}")
        self.amount = amount

def pay(amount):
    if amount > 100:
        raise PaymentError(amount, "limit exceeded")
    return amount

total = 0
for a in [10, 50, 500]:
    total += pay(a)
    print("paid", a, "total", total)
print("unreachable")
