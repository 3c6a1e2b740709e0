# sorting with key= and reverse=, stability, sorted/min/max
people = [("ada", 36), ("bob", 25), ("cy", 36), ("dee", 19), ("eve", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ["banana", "Apple", "cherry", "apple", "Banana", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
words.sort(key=lambda w: w[-1])
print(words)
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]))
print(min(words, key=len), max(words, key=len), max("hello"), min([3, 1, 2]))
print(max(1, 5, 3), min(4, 2, 8), max([], default="empty"), min([], default=None))
print(max([1, 2], [1, 3]), max((1, "a"), (1, "b")), max(2.5, 2))
print(sorted({3: "c", 1: "a", 2: "b"}), sorted({"b", "a", "c"}), sorted("hello"))
print(sorted([3, 1, 2], reverse=True), sorted(range(5), key=lambda x: x % 2))
scores = {"ada": 91, "bob": 78, "cy": 91, "dee": 85}
ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
for rank, (name, score) in enumerate(ranked, start=1):
    print(rank, name, score)
print(max(scores, key=scores.get), min(scores.values()))
mixed = [1, 2.5, True, -3]
print(sorted(mixed), sorted(mixed, key=abs))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
