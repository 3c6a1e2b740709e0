# print with sep, end, flush, and many argument kinds
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ", end=".\n")
print("no newline", end="")
print(" -- continued")
print()
print("", "")
print(1, 2.5, None, True, [1], (2,), {3: 4}, {5}, sep=" | ")
print("x", end=" ")
print("y", end=" ")
print("z", flush=True)
print(*range(5), sep="\n")
print("tab\tsep", "new\nline", sep="\t")
print(sep="?", end="!\n")
print("a", "b", sep=None, end=None)
rows = [["id", "name"], [1, "ada"], [2, "bob"]]
for row in rows:
    print(*row, sep=",")
print("%s and %s" % ("this", "that"), "%d%%" % 50, "%5.1f|%-5d|%05d" % (3.14159, 42, 7), "%r" % "q", "%x" % 255)
print("%(name)s is %(age)d" % {"name": "ada", "age": 36}, "%c" % 65, "%e" % 12345.678, "%+d" % 5)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=[])
except TypeError as e:
    print("TypeError:", e)
