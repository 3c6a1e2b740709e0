# and/or return one of their operands and short-circuit.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" and "y")
print([] or {}, [] and 1, [0] or 1, "a" and "b" and "c", "a" and "" and "c")
print(0 or "" or None, 0 or "" or None or 5, None and 1 or 2)
print(not 0, not "x", not None, not [], not [[]])
print(1 if 0 or [] else 2, (0 or 3) * 2)

def side(tag, v):
    print("eval", tag)
    return v

print(side("a", 0) and side("b", 1))
print(side("c", 1) and side("d", 2))
print(side("e", 1) or side("f", 2))
print(side("g", 0) or side("h", 0) or side("i", 3))
x = None
name = x or "default"
print(name)
y = [1, 2] and len([1, 2])
print(y)
print(True and False or True, True or False and False, not True or True)
