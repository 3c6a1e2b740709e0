# Starred assignment targets collect into a list.
a, *b = [1, 2, 3, 4]
print(a, b)
*c, d = "hello"
print(c, d)
first, *middle, last = range(6)
print(first, middle, last)
x, *y = (9,)
print(x, y)
p, *q, r = 1, 2
print(p, q, r)
(h, *t), u = [1, 2, 3], 4
print(h, t, u)
*everything, = [7, 8]
print(everything)
head, *tail = "a"
print(head, tail, type(tail))
for first, *rest in [[1, 2, 3], [4], [5, 6]]:
    print(first, rest)
