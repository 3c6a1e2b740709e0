# Chained comparisons evaluate each operand once and short-circuit.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, 1 == 1 == 1, 1 == 1 == 2)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4, 3 > 2 > 1 > 0)
print("a" < "b" < "c", 1 < 2.5 < 3)
log = []

def val(v):
    log.append(v)
    return v

print(val(1) < val(2) < val(3))
print(log)
log = []
print(val(3) < val(2) < val(1))
print(log)
log = []
print(val(1) == val(1) != val(2) < val(3))
print(log)
a = b = c = 7
print(a == b == c, a is b is c)
print(1 < x in [5, 6], x in [5] in [[5]])
print(not 1 < 2 < 3, (1 < 2) < 3)
