# f-string conversions and the = specifier
name = "Ada"
quote = "it's"
both = 'say "hi" it\'s'
n = 42
items = [1, "two", 3.0]
print(f"{name!r} {name!s} {name}")
print(f"{quote!r}")
print(f"{both!r}")
print(f"{n!r:>6}|{name!r:<8}|")
print(f"{items!r} {items!s}")
print(f"{n=}")
print(f"{name=}")
print(f"{n = }")
print(f"{n=:>5}")
print(f"{name=!s}")
print(f"{n * 2 + 1=}")
print(f"{items[1]=}")
print(f"{3.5=:.3f}")
x = None
print(f"{x=} {True=}")
d = {"a": 1}
print(f"{d['a']=}")
tabbed = "tab\there"
print(f"{tabbed!r} {'tab' + chr(9) + 'here'!r}")
emoji = "caf\u00e9"
print(f"{emoji!r} {emoji!s:>6}")
print(f"{len(name)=}, {name.lower()=}")
