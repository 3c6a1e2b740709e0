print(pow(2, 1000, 10 ** 9 + 7))
print(pow(2 ** 100, 2 ** 100, 10 ** 9 + 7))
print(pow(3, 10 ** 30, 2 ** 89 - 1))
print(pow(-3, 2 ** 100 + 1, -(10 ** 20) - 3))
print(pow(7, -1, 2 ** 61 - 1), pow(7, -1, 2 ** 61 - 1) * 7 % (2 ** 61 - 1))
print(pow(3, -1, 2 ** 100 + 1), pow(3, -2, -7))
print(pow(2 ** 100, -3, 10 ** 30 + 57))
print(pow(5, -1, 1), pow(0, -1, 1), pow(2 ** 100, 5, 1), pow(2 ** 100, 0, 7))
print(pow(2 ** 100, 3, -(2 ** 70)), pow(-(2 ** 100), 3, 2 ** 70))
# Toy RSA with 128-bit-ish primes.
p = 2 ** 89 - 1
q = 2 ** 107 - 1
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
d = pow(e, -1, phi)
msg = 123456789012345678901234567890
c = pow(msg, e, n)
print(n)
print(d)
print(c)
print(pow(c, d, n) == msg)
for bad in [lambda: pow(2, -1, 2 ** 100), lambda: pow(2 ** 70, 2, 0), lambda: pow(0, -1, 5),
            lambda: pow(1.5, 2, 2 ** 100), lambda: pow(2 ** 100, 2, 2.5)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
