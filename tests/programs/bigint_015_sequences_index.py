big = 2 ** 100
items = [10, 20, 30]
tests = [lambda: items[big], lambda: items[-big], lambda: (1, 2)[big], lambda: "abc"[big],
         lambda: items * big, lambda: "ab" * big, lambda: (1,) * big, lambda: items * -big,
         lambda: chr(big), lambda: "x".ljust(big), lambda: range(10)[big],
         lambda: items.__getitem__(big)]
for t in tests:
    try:
        print(t())
    except (IndexError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(items[big:], items[-big:big], items[:-big], "hello"[-big:2], (1, 2, 3)[1:big])
print(items[::big], items[::-big])
print(items.index(20, -big), items.index(30, 0, big))
print(big in range(10), 5 in range(big // big, 10))
m = items[:]
m[1:big] = [0]
print(m)
print(list(enumerate("ab", start=2 ** 64)))
print(["z"] * (big // big), big // 2 ** 99 * "ab")
