# assert with and without a message.
assert True
assert 1 == 1, "never shown"
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert []
except AssertionError as e:
    print("no message:", repr(str(e)), e.args)
calls = []

def msg():
    calls.append(1)
    return "lazy message"

assert 1, msg()
print("message evaluated:", len(calls))
try:
    assert 0, msg()
except AssertionError as e:
    print(e, len(calls))
try:
    assert False, ("tuple", 1)
except AssertionError as e:
    print(e.args)
def positive(x):
    assert x > 0, "x must be positive, got " + str(x)
    return x

print(positive(3))
try:
    positive(-2)
except AssertionError as e:
    print(e)
