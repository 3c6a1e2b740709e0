# fill, alignment and width in f-strings
word = "loop"
num = 42
neg = -17
for spec in ["<10", ">10", "^10", "*<10", "*>10", "*^10", "-^9", "0>6", ".^11"]:
    print(f"[{word:{spec}}]")
print(f"[{num:10}] [{num:<10}] [{num:^10}] [{num:>10}]")
print(f"[{neg:10}] [{neg:=10}] [{neg:010}] [{num:+010}]")
print(f"[{num:_^9}] [{num:#>8}] [{neg:x<7}]")
print(f"[{3.5:10}] [{3.5:<10}] [{-3.5:^10}] [{3.5:010}]")
print(f"[{'':>4}] [{'abc':2}] [{'é':>3}]")
for w in range(3, 8, 2):
    print(f"|{word:>{w}}|{num:^{w}}|{w:{'0'}{w}}|")
fill, align, width = "~", "^", 12
print(f"[{word:{fill}{align}{width}}]")
table = [("apples", 3, 1.5), ("kiwis", 12, 0.25), ("melon", 1, 3.0)]
for name, qty, price in table:
    print(f"{name:<8}{qty:>4}{price:>8.2f}{qty * price:>9.3f}")
print(f"{True:>6}|{None!s:>6}|{[1, 2]!s:>8}|")
