# split, rsplit, join, strip family, partition
s = "  the quick  brown fox  "
print(s.split())
print(s.split(" "))
print(s.strip().split(" ", 2))
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1))
print("a-b-c-d".rsplit("-", 2))
print("a b c".rsplit())
print("".split(), "".split(","))
print("line1\nline2\r\nline3\n".splitlines())
print("x\n\ny".splitlines())
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]))
print(" / ".join(str(i) for i in []) if False else " / ".join([str(i) for i in range(4)]))
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "..,hi,..".strip(".,"))
print("www.example.com".lstrip("w."), "file.txt.bak".rstrip(".bak"))
print("key=value=x".partition("="), "novalue".partition("="))
print("key=value=x".rpartition("="), "novalue".rpartition("="))
csv = "name,age\nada,36\nbob,41"
for line in csv.split("\n")[1:]:
    name, age = line.split(",")
    print(name.title(), int(age) + 1)
print("a\tb  c\n d".split())
