# sorting custom objects: __lt__ only, keys, stability, multi-level sorts
class Student:
    def __init__(self, name, grade, age):
        self.name, self.grade, self.age = name, grade, age
    def __lt__(self, other):
        return self.grade < other.grade
    def __repr__(self):
        return f"{self.name}({self.grade},{self.age})"

roster = [Student("ada", 90, 20), Student("bob", 85, 22), Student("cy", 90, 19),
          Student("dee", 70, 22), Student("eve", 85, 20)]
print(sorted(roster))
print(sorted(roster, reverse=True))
print(min(roster), max(roster))
print(sorted(roster, key=lambda s: s.name, reverse=True))
print(sorted(roster, key=lambda s: (s.age, s.name)))
by_age = sorted(roster, key=lambda s: s.age)
by_grade_then_age = sorted(by_age, key=lambda s: s.grade, reverse=True)
print(by_grade_then_age)
roster.sort(key=lambda s: -s.age)
print(roster)
groups = {}
for s in sorted(roster, key=lambda s: s.name):
    groups.setdefault(s.grade, []).append(s.name)
for grade in sorted(groups, reverse=True):
    print(grade, groups[grade])
print([s.name for s in sorted(roster, key=lambda s: len(s.name))])
pairs = [(2, "b"), (1, "b"), (2, "a"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[0], reverse=True))
words = ["Banana", "apple", "cherry", "Apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (w.lower(), w)))
class NoOrder:
    pass
try:
    sorted([NoOrder(), NoOrder()])
except TypeError as e:
    print("TypeError:", e)
print(sorted([3, 1, 2], key=None), sorted([]), sorted("cba", reverse=True))
