# bool is a subclass of int.
print(True + True, True * 10, True - False, -True, +False, True / 2, True // 1)
print(True == 1, False == 0, True is True, type(True + 1), type(True))
print(True and 3, 0 or False, not True, not 0, not 1, not "")
print(sum([True, True, False, True]), max(True, 2), min(False, -1))
print(True > False, True >= 1, False < 0.5)
print(str(True), repr(False), int(True), float(False))
print(isinstance(True, int), isinstance(1, bool), isinstance(False, bool))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(""), bool("0"), bool(None))
print(bool([]), bool([0]), bool(()), bool((0,)), bool({}), bool({0: 0}))
d = {True: "yes", 0: "no"}
print(d[1], d[False], d)
print(True ** 2, 2 ** True, 10 % True, True << 3)
