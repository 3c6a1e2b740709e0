# int(), float(), str(), bool() conversions.
print(int("42"), int(" -7 "), int("+5"), int("0"), int("-0"), int("1_000"), int("007"))
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(True), int(False), int(1e15))
print(int(), float(), str(), bool())
print(int(" \t12\n"), int("4611686018427387903"))
print(float("1.5"), float(" -2.25 "), float("1e3"), float("1E-2"), float(".5"), float("5."))
print(float(3), float(-0), float(True), float("inf"), float("-Infinity"), float("nan"))
print(float("1_000.5"), float("0.1"), float("100"))
print(str(42), str(-1.5), str(True), str(None), str([1, "a"]), str((1,)), str({"k": "v"}))
print(str(0.1 + 0.2), str(1e16), str(-0.0), str("already"))
print(bool(0), bool(42), bool(-0.0), bool("False"), bool(" "), bool([None]), bool(range(0)))
print(repr(1), repr(1.0), repr("1"), repr(None), repr(True), repr([1, "1"]))
for bad in ["", "abc", "1.5", "1e3", "0x10", "1 2", "--1", "_1"]:
    try:
        int(bad)
        print("accepted", repr(bad))
    except ValueError as e:
        print(e)
for bad in ["", "abc", "1.2.3", "1e", "e1"]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
try:
    int(None)
except TypeError as e:
    print(e)
try:
    float([1])
except TypeError as e:
    print(e)
