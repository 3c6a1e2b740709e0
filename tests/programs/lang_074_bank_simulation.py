# a bank account simulation: class hierarchy, class counters, exceptions, history, reports
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f}; balance is {account.balance:.2f}")
        self.shortfall = amount - account.balance

class Account:
    _next_number = 1000
    interest = 0.0

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.number = Account._next_number
        Account._next_number += 1
        self.history = [("open", balance)]

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def month_end(self):
        earned = round(self.balance * self.interest / 12, 2)
        if earned:
            self.deposit(earned)
        return earned

    def __repr__(self):
        return f"{type(self).__name__}(#{self.number}, {self.owner!r}, {self.balance:.2f})"

class Savings(Account):
    interest = 0.05

class Checking(Account):
    fee = 1.5
    def withdraw(self, amount):
        return super().withdraw(amount + self.fee)

accounts = [Savings("ada", 1200), Checking("bob", 50), Account("cy")]
for acct, action, amount in [(0, "deposit", 300), (1, "withdraw", 20), (1, "withdraw", 40),
                             (2, "deposit", -5), (2, "deposit", 10), (0, "withdraw", 2000)]:
    a = accounts[acct]
    try:
        getattr(a, action)(amount)
        print(f"{action:>8} {amount:>7.2f} -> {a}")
    except InsufficientFunds as e:
        print(f"refused: {e} (short by {e.shortfall:.2f})")
    except ValueError as e:
        print(f"invalid: {e}")
for a in accounts:
    print(a.owner, "earned", a.month_end())
print(sorted(accounts, key=lambda a: a.balance, reverse=True))
total = sum([a.balance for a in accounts])
print(f"total {total:,.2f} in {len(accounts)} accounts; next number {Account._next_number}")
for a in accounts:
    kinds = [kind for kind, _ in a.history]
    print(a.number, {k: kinds.count(k) for k in kinds})
