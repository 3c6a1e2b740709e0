A = 2 ** 100 + 12345
B = 3 ** 40 + 7
pairs = [(A, B), (-A, B), (A, -B), (-A, -B), (A, 7), (-A, 7), (A, -7), (-A, -7),
         (7, A), (-7, A), (7, -A), (-7, -A), (2 ** 64, 2 ** 32), (-(2 ** 64), 3)]
for a, b in pairs:
    q, r = a // b, a % b
    print(q, r, divmod(a, b) == (q, r), q * b + r == a)

print(-(2 ** 63) // -1, -(2 ** 63) % -1)
print(divmod(-(2 ** 63), -1))
print((2 ** 64) // 2 ** 64, (2 ** 64) % 2 ** 64)
print(10 ** 30 // 10 ** 29, 10 ** 30 % (10 ** 29 + 1))
print(2 ** 100 // 7.0, 2 ** 100 % 7.5, divmod(2 ** 100, 7.5))
for bad in [lambda: 2 ** 100 // 0, lambda: 2 ** 100 % 0, lambda: divmod(2 ** 100, 0),
            lambda: 2 ** 100 / 0]:
    try:
        bad()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
