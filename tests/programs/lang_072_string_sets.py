# sets of strings print in CPython's order (the test runner fixes PYTHONHASHSEED=0)
fruits = {"apple", "banana", "cherry"}
print(fruits)
fruits.add("date")
fruits.discard("banana")
print(fruits, len(fruits))
letters = set("mississippi")
print(letters, sorted(letters))
words = "the quick brown fox jumps over the lazy dog the end".split()
print(set(words))
print({w[0] for w in words})
a = {"red", "green", "blue", "yellow"}
b = {"green", "purple", "red"}
print(a | b, a & b, a - b, b - a, a ^ b)
print(frozenset(["x", "y", "z"]), {"é", "ü", "日本", "😀", "a"})
seen = set()
for w in words:
    if w in seen:
        print("repeat:", w)
    seen.add(w)
print(seen)
print({"k1": 1, "k2": 2}.keys() | {"k3"}, {("a", 1), ("b", 2)})
print(hash("") == 0, hash("abc") == hash("ab" + "c"), len({hash(w) for w in words}) == len(set(words)))
