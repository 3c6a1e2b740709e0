# list, dict and set comprehensions: nested, conditions, closures
squares = [n * n for n in range(10)]
evens = [n for n in range(20) if n % 2 == 0 if n % 3 != 0]
print(squares, evens)
pairs = [(i, j) for i in range(3) for j in range(i)]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [[row[i] for row in matrix] for i in range(3)])
flat = [x for row in matrix for x in row if x % 2]
print(flat)
labels = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print(labels)
word_len = {w: len(w) for w in "the quick brown fox".split()}
print(word_len)
print({k: v for k, v in word_len.items() if v > 3})
print({c.lower() for c in "Hello World" if c.isalpha()} == set("helowrd"))
print(sorted({n % 4 for n in range(20)}))
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns2 = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fns2])
def make_adders(ns):
    return [lambda x, n=n: x + n for n in ns]
print([add(100) for add in make_adders([1, 2, 3])])
x = "outer"
print([x for x in "ab"], x)
total = 5
print([n + total for n in range(3)])
def scale(items, factor):
    return [factor * v for v in items]
print(scale([1, 2], 3), [[c for c in w] for w in ["ab", "c"]])
print([(n, m) for n in range(4) if n for m in range(n) if m != 1])
print({(a, b): a * b for a in range(1, 3) for b in range(1, 3)})
if (n := len(squares)) > 5:
    print("walrus", n)
print([y for v in range(5) if (y := v * v) > 4])
