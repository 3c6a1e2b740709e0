# abs round divmod pow sum min max hex bin oct chr ord on ordinary values
print(abs(-5), abs(3.5), abs(-0.0), abs(True), abs(-7 // 2))
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(2.675, 2), round(1234, -2), round(1250, -2))
print(round(3.14159, 3), round(7), round(7.0), type(round(7.5)).__name__, round(-0.5), round(1.5, 0))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2), divmod(-7.5, 2))
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(-2, 3), pow(2.0, 0.5), pow(0, 0))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([], 10), sum([[1], [2]], []), sum((1.5, 2)), sum(range(5), start=100))
print(hex(255), hex(-1), bin(10), bin(-10), oct(8), oct(-64), hex(0), bin(0))
print(chr(65), chr(0x263A), chr(233), ord("A"), ord("é"), ord("☺"), ord("\n"))
print([chr(ord("a") + i) for i in range(5)], "".join(chr(c) for c in [72, 105]) if False else "".join([chr(c) for c in [72, 105]]))
print(int("42"), int(" -7 "), int("1_000"), int("ff", 16), int("0x1f", 16), int("0b101", 0), int("z", 36), int(3.99), int(-3.99), int(True))
print(float("3.5"), float("-inf"), float(" 1e3 "), float(7), float("nan") != float("nan"), float("1_0.5"))
print(bool(0), bool(0.0), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool({}), bool(()))
print(str(1.0), str(1e100), str(1.5e-10), str(-0.0), repr(0.1 + 0.2), 1 / 3, 2 / 3, 10 / 4, 1e16, 1.0e15, 123456789.123)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 7.5 // 2, -7.5 % 2, 2 ** 10, 2 ** -2, (-8) ** 2, 10 ** 18)
print(max(3, 1.5), min(-1, -1.0), max(True, 0), 0.1 * 3, 1.1 + 2.2, 3 * 1.1, round(0.1 * 3, 15))
print(isinstance(True, int), type(3 / 1).__name__, 3 == 3.0, hash(3) == hash(3.0), 1e3 == 1000)
print(format(1234.5, ","), format(0.5, ".0%"), format(-42, "+"), format(10, "x"), format(3.0, "g"))
try:
    int("3.5")
except ValueError as e:
    print("ValueError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
