# Dicts keep insertion order; updating a key keeps its place; re-inserting
# after del moves it to the end.
d = {}
for k in ["zebra", "apple", "mango", "banana"]:
    d[k] = len(k)
print(d)
d["apple"] = 0
print(d)
del d["zebra"]
d["zebra"] = 99
print(d)
n = {}
for i in [5, 3, 9, 1, 7, 3, 5]:
    n[i] = n.get(i, 0) + 1
print(n)
print(n.keys())
big = {}
for i in range(100):
    big[i * 7 % 101] = i
keys = []
for k in big:
    keys.append(k)
print(keys[0], keys[1], keys[2], keys[-1], len(big))
for i in range(0, 100, 2):
    del big[i * 7 % 101]
print(len(big), big[7], big[21])
first = None
for k in big:
    first = k
    break
print(first)
m = {"b": 1, "a": 2}
m2 = {"a": 2, "b": 1}
print(m == m2, m, m2)
