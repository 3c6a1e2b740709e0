# find, rfind, index, rindex, count, startswith, endswith, replace, in
s = "mississippi"
print(s.find("ss"), s.find("ss", 3), s.find("x"), s.rfind("ss"), s.rfind("i"))
print(s.find("i", 2, 5), s.find(""), s.find("", 20), s.rfind(""))
print(s.index("p"), s.rindex("s"))
print(s.count("s"), s.count("ss"), s.count("i", 5), s.count(""), "".count(""))
print(s.startswith("mis"), s.startswith("ss", 2), s.startswith(("a", "m")))
print(s.endswith("pi"), s.endswith("ppi", 0, 9), s.endswith(("x", "pi")))
print(s.replace("ss", "SS"), s.replace("i", "I", 2), s.replace("", "-"))
print(s.replace("x", "y"), "aaa".replace("a", "aa"))
print("ss" in s, "xyz" not in s, "" in s)
try:
    s.index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("z")
except ValueError as e:
    print("ValueError:", e)
words = "the cat and the hat and the bat".split()
print({w: words.count(w) for w in words})
print(s.upper().count("S"), s.capitalize(), "HeLLo".swapcase())
