# if / elif / else.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

for v in [-5, 0, 3, 42, 1000]:
    print(v, classify(v))
x = 7
if x > 5:
    print("x > 5")
if x > 10:
    print("never")
else:
    print("x <= 10")
if x % 2:
    if x % 3:
        print("odd, not a multiple of 3")
    else:
        print("odd multiple of 3")
if []:
    print("empty list is true?")
elif {}:
    print("empty dict is true?")
elif "":
    print("empty str is true?")
else:
    print("all empty containers are false")
if 0.0 or None: print("no")
else: print("one-line suite")
if x: pass
y = 0
if x > 1 and x < 10 or y:
    print("compound")
if not y: print("not y")
