# 1000-digit numbers survive str -> int -> str.
digits = "".join(str((i * 7 + 3) % 10) for i in range(1000))
n = int(digits)
print(len(str(n)), str(n) == digits.lstrip("0"), n % 97)
m = int("-" + digits)
print(m == -n, str(m)[:12], repr(m)[-12:])
print(int(str(3 ** 2000)) == 3 ** 2000)
print(int("  1_000_000_000_000_000_000_000  "))
print(int("+123456789012345678901234567890"), int("-0000123456789012345678901234567890"))
print(int("0x_dead_beef_dead_beef_dead_beef", 16), int("-0b" + "1" * 100, 0))
print(int("z" * 20, 36), int("7" * 40, 8))
for base in [2, 3, 7, 16, 36]:
    s = ""
    v = 10 ** 40 + 17
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
    while v:
        s = alphabet[v % base] + s
        v //= base
    print(base, s, int(s, base) == 10 ** 40 + 17)
print(hex(2 ** 100), oct(2 ** 100), bin(2 ** 70))
print(hex(-(2 ** 70)), int(hex(-(2 ** 70)), 16))
print(str(-(10 ** 25)), repr(10 ** 25), [10 ** 20, -(10 ** 19)])
print(f"{2 ** 90}", f"{2 ** 90!r}", str(2 ** 90).count("2"))
for bad in ["1" * 30 + "x", "1__0" + "0" * 30, "0x", "12345678901234567890.5"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
