# calling a method without its required argument
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
    def deposit(self, amount, note=""):
        self.balance += amount
        return self.balance

acct = Account("ada")
print(acct.deposit(10))
print(acct.deposit(note="gift"))
