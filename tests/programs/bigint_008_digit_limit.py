# CPython 3.11 limits int <-> decimal str conversions to 4300 digits.
ok = 10 ** 4299
print(len(str(ok)), len(str(-ok)), len(str(10 ** 4300 - 1)))
print(int("9" * 4300) == 10 ** 4300 - 1)
print(len(hex(10 ** 5000)), int("f" * 5000, 16) > 0)
for f in [lambda: str(10 ** 4300), lambda: repr(-(10 ** 4300)), lambda: int("1" * 4301),
          lambda: int("0" * 4301), lambda: int("1_" * 4300 + "1"), lambda: f"{10 ** 5000}",
          lambda: "%d" % 10 ** 5000, lambda: format(10 ** 5000, ","), lambda: int("7" * 5000, 8) > 0]:
    try:
        print(f())
    except ValueError as e:
        print("ValueError:", e)
print(str(10 ** 5000))
