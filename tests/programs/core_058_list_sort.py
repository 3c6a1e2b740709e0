# list.sort without key (optionally reverse=True).
a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
w = ["pear", "Apple", "fig", "banana", "apple"]
w.sort()
print(w)
f = [2.5, -1, 3, 0.0, -7.25, 1e10, 2]
f.sort()
print(f)
t = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
t.sort()
print(t)
n = [[3], [1, 2], [1], []]
n.sort()
print(n)
e = []
e.sort()
print(e, [1].sort())
big = []
x = 12345
for i in range(200):
    x = (x * 1103515245 + 12345) % 2147483648
    big.append(x % 1000)
big.sort()
print(big[0], big[1], big[100], big[-1], len(big))
ok = True
for i in range(len(big) - 1):
    if big[i] > big[i + 1]:
        ok = False
print("sorted:", ok)
b = [True, False, 2, 1]
b.sort()
print(b)
try:
    [1, "a"].sort()
except TypeError as err:
    print("TypeError:", err)
