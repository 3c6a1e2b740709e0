# Uncaught AssertionError with a message.
def withdraw(balance, amount):
    assert amount <= balance, "insufficient funds: " + str(balance) + " < " + str(amount)
    return balance - amount

print(withdraw(100, 30))
print(withdraw(100, 300))
