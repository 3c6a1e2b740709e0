# Floor division and modulo follow the sign of the divisor (Python semantics).
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 7), (-1, 7)]
for a, b in pairs:
    print(a, b, a // b, a % b, (a // b) * b + a % b == a)
print(-17 // 5, -17 % 5)
print(17 // -5, 17 % -5)
print(-3 % 10, 3 % -10)
print(-100 // 7, -100 % 7)
# Floats too.
print(7.5 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2)
print(7.5 // -2, 7.5 % -2)
print(-7 // 2.0, -7 % 2.0)
print(5 % 2.5, -0.5 // 1, 0.5 % -1)
print(-1 % 3.0, 1 % -3.0)
