for f in [1e15, 1e16, 9.2e18, 9.3e18, 1e19, -1e19, 1e22, 1e23, 2.5e30, 1e300, -1.7976931348623157e308]:
    i = int(f)
    print(i, type(i).__name__, float(i) == f, i == f)
print(int(1e300) // 10 ** 280, int(-1e300) % 97)
print(round(1e22), round(-3.5e20), round(2.5e30, -29))
print((2.0 ** 70).as_integer_ratio(), (1e-300).as_integer_ratio()[1].bit_length())
print((0.0).as_integer_ratio(), (-0.75).as_integer_ratio(), (1e20).is_integer())
for v in [2 ** 53, 2 ** 53 + 1, 2 ** 64 - 1, 2 ** 100 + 2 ** 47, 2 ** 100 + 2 ** 47 + 1,
          3 ** 200, -(2 ** 1023), 2 ** 1023 * 1.5 if False else 2 ** 1023 + 2 ** 1000]:
    print(float(v), v / 1, float(-v))
print(2 ** 100 / 2 ** 50, 10 ** 16 / 10, (10 ** 16 + 1) / 10)
for bad in [lambda: int(float("inf")), lambda: int(float("nan")), lambda: float(-(2 ** 1024)),
            lambda: 2 ** 2000 / 3, lambda: (2 ** 1100) ** 0.5]:
    try:
        print(bad())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
