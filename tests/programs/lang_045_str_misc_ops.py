# string operators, comparisons, multiplication, membership, iteration, conversion
s = "Hello"
print(s + ", " + "World", s * 3, 3 * "ab", s * 0, s * -1 == "")
print(s < "Help", "a" < "b" < "c", "Z" < "a", "abc" < "abd", "" < "a", "ab" < "abc", s == "Hello", s != "hello")
print([c for c in s], list(s), sorted(s), "".join(reversed(s)), s[::-1] == "".join(reversed(s)))
print(str(123) + str(4.5), int("12") + 3, s.lower() == "hello", "l" in s, s.count("l"))
print(max("hello world"), min("hello"), sorted("banana"), set("banana") == {"a", "b", "n"})
for i, ch in enumerate("abc"):
    print(i, ch, ord(ch))
text = """Line one
  Line two
Line three"""
for ln in text.splitlines():
    print(f"[{ln.strip():^12}]")
print(len(text), text.count("\n"), text.index("two"))
word = "racecar"
print(word == word[::-1], "level"[::-1], "Was it a car"[::-1].lower())
parts = []
for w in "the quick brown fox".split():
    parts.append(w[0].upper() + w[1:])
print(" ".join(parts), "the quick brown fox".title())
print("a" "b" == "ab", "x" * 3 + "y", ("ab" * 2)[1:3])
acc = ""
for i in range(5):
    acc += str(i)
print(acc, acc.isdigit(), int(acc) * 2)
print("café".upper(), "ÀÉÎ".lower(), len("naïve"), "naïve".find("v"), "日本"[1], "日本語".index("語"))
print("%s|%5s|%-5s|%.2s" % ("a", "b", "c", "def"))
