# while loops with break, continue and else.
n = 0
while n < 5:
    n += 1
print("n =", n)
i = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 9:
        break
    print(i, end=" ")
print()
k = 3
while k > 0:
    k -= 1
else:
    print("else runs when the condition becomes false, k =", k)
k = 3
while k > 0:
    k -= 1
    if k == 1:
        break
else:
    print("not printed")
print("broke at", k)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
x = 27
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps:", steps)
outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            break
        inner += 1
    print(outer, inner)
    outer += 1
while 0:
    print("never")
else:
    print("else of a loop that never ran")
