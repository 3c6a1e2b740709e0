# Uncaught AssertionError without a message.
x = 1
assert x == 1
print("first assert passed")
assert x == 2
