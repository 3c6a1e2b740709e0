# range in its three forms.
def show(r):
    out = []
    for v in r:
        out.append(v)
    print(r, len(r), out)

show(range(5))
show(range(2, 7))
show(range(0, 10, 3))
show(range(10, 0, -2))
show(range(5, 5))
show(range(5, 0))
show(range(-3, 3))
show(range(0, -10, -4))
r = range(1, 100, 7)
print(r[0], r[3], r[-1], len(r), 50 in r, 57 in r)
print(range(3) == range(0, 3), range(0) == range(5, 5), type(range(3)))
total = 0
for i in range(1, 101):
    total += i
print(total)
print(sum(range(10)), max(range(7)), min(range(3, 9)))
