# str methods: join split strip upper lower replace startswith endswith find.
s = "  Hello, World!  "
print(repr(s.strip()), repr(s.strip(" !")), repr("xxhixx".strip("x")), repr("\t\n a \r\n".strip()))
print(s.upper(), s.lower(), "MiXeD 123 é".upper(), "ÉCOLE".lower())
print("a,b,,c".split(","), "a b  c\t d\n".split(), "".split(), "".split(","), "abc".split(","))
print("k=v=w".split("=", 1), "1 2 3 4".split(" ", 2), "  lead trail  ".split(" "))
print("one<>two<>three".split("<>"), "aaa".split("a"))
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]), " ".join("abc"), "+".join(("1",)))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "aaa".replace("a", "bb"), "abc".replace("", "-"))
print("hello".replace("xyz", "!"), "hello".replace("hello", ""))
print("hello".startswith("he"), "hello".startswith("lo"), "hello".endswith("lo"), "hello".endswith(""))
print("hello".startswith(("x", "h")), "hello".endswith(("x", "y")))
print("hello".find("l"), "hello".find("z"), "hello".find(""), "hello".find("lo"), "hello".find("l", 3))
print("café".upper(), "café".find("é"), len("café".upper()))
words = "the quick brown fox".split()
print(" ".join(words).upper().split("O"))
csv = "name, age ,city "
fields = []
for part in csv.split(","):
    fields.append(part.strip())
print(fields, "|".join(fields))
try:
    ", ".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
