# for loops over sequences, with break, continue and else.
for ch in "abc":
    print(ch, end="")
print()
for x in [1, 2, 3, 4, 5, 6]:
    if x % 2:
        continue
    print(x, end=" ")
print()

def find(seq, target):
    for i in range(len(seq)):
        if seq[i] == target:
            print("found at", i)
            break
    else:
        print("not found")

find([4, 5, 6], 5)
find([4, 5, 6], 7)
find([], 1)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
total = 0
for t in (10, 20, 30):
    total += t
print(total)
for k in {"x": 1, "y": 2}:
    print(k)
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        if j == 1:
            continue
        print(i, j)
for _ in []:
    print("never")
else:
    print("empty loop else")
x = "unchanged"
for x in range(3):
    pass
print("loop variable after loop:", x)
items = [1, 2, 3]
for item in items:
    if item == 2:
        items.append(4)
print(items)
