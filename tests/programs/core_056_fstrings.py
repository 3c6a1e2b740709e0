# Simple f-string forms.
x = 42
name = "loop"
pi = 3.14159
print(f"x is {x}", f"{name}", f"{x + 1}", f"{name.upper()}")
print(f"{name!r}", f"{x!r}", f"{'q'!r}")
print(f"[{x:>5}]", f"[{x:<5}]", f"[{x:^6}]", f"[{name:>8}]", f"[{name:<8}]")
print(f"{pi:.2f}", f"{pi:.0f}", f"{2.5:.3f}", f"{x:.1f}", f"{-pi:.4f}")
print(f"{x=}", f"{name=}", f"{pi=}", f"{x + 1=}")
print(f"{x}{x}", f"{{literal braces}}", f"{{{x}}}", f"")
items = [1, 2]
d = {"k": "v"}
print(f"{items} {d} {d['k']} {items[-1]}")
print(f"{None} {True} {3.0} {[1.5, 'a']}")
print(f'{"double inside single"}', f"{'single inside double'}")
width = 7
print(f"{x:>{width}}|")
for i in range(1, 4):
    print(f"{i} squared is {i * i:>3}; half is {i / 2:.2f}")
print(f"{x:5}|{name:5}|{pi:8.3f}|")
