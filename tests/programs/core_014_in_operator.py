# Membership tests.
print(1 in [1, 2, 3], 4 in [1, 2, 3], 4 not in [1, 2, 3])
print("a" in ("a", "b"), "c" not in ("a", "b"))
print("k" in {"k": 1}, 1 in {"k": 1}, "v" in {"k": "v"})
print("ell" in "hello", "" in "abc", "xyz" in "abc", "H" in "hello")
print(3 in range(5), 5 in range(5), -1 in range(-3, 3), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(1.0 in [1], True in [1], [1] in [[1], [2]], (1, 2) in [(1, 2)])
print(None in [0, "", None], None in [0, False])
print("é" in "café", "fé" in "café")
nested = [[1, 2], [3, 4]]
print([3, 4] in nested, 3 in nested)
d = {1: "a", (1, 2): "b"}
print((1, 2) in d, (2, 1) in d, 1.0 in d, True in d)
word = "mississippi"
count = 0
for ch in "aeiou":
    if ch in word:
        count += 1
print(count)
print(not 1 in [1], not (1 in [1]))
