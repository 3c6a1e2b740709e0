# Unpacking assignment.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [10, 20]
print(m, n)
(i, (j, k)), l = [[1, [2, 3]], 4]
print(i, j, k, l)
first, second = {"one": 1, "two": 2}
print(first, second)
s, t = range(2)
print(s, t)
a = b = c = 0
print(a, b, c)
a = b = [1]
b.append(2)
print(a)
for key, value in [("a", 1), ("b", 2)]:
    print(key, value)
for (u, v), w in [((1, 2), 3), ((4, 5), 6)]:
    print(u + v + w)
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
d = {}
d["k"], d["j"] = 1, 2
print(d)
t = 1, 2, 3
one, two, three = t
print(one + two + three)
