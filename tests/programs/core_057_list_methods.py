# list methods: append pop insert extend index count remove reverse.
a = [1, 2, 3]
a.append(4)
a.append([5])
print(a)
print(a.pop(), a.pop(0), a)
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before last")
a.insert(-100, "very first")
print(a)
a.extend([7, 8])
a.extend((9,))
a.extend("ab")
a.extend(range(2))
print(a)
print(a.index(2), a.index("a"), a.count(1), a.count(0), a.count("zz"))
a.remove("first")
a.remove(1)
print(a)
a.reverse()
print(a)
print(a.append(0), a.reverse(), a.insert(0, 0), a.extend([]))
print(len(a), a.pop(-2), a)
b = [3, 1, 3, 2, 3]
b.remove(3)
print(b, b.index(3), b.index(3, 2), b.count(3))
c = []
for i in range(5):
    c.append(i * i)
while c:
    print(c.pop(), end=" ")
print()
try:
    c.pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].index(5)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].remove(5)
except ValueError as e:
    print("ValueError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
