# str: concatenation, repetition, indexing, len.
s = "hello"
t = "world"
print(s + " " + t, s * 3, 2 * "ab", "x" * 0, "y" * -1, len(s * 0))
print(s[0], s[4], s[-1], s[-5], t[1] + t[-2])
print(len(s), len(""), len(" "), len(s + t), len("héllo"), len("日本語"), len("a\nb"))
print("日本語"[1], "héllo"[1], "👍x"[0], len("👍x"))
u = ""
for ch in s:
    u = ch + u
print(u)
i = 0
out = ""
while i < len(t):
    out += t[i] * (i + 1)
    i += 1
print(out)
print(str(42) + "!", "n=" + str(-7), "f=" + str(0.5), str("x"), str(None) + str(True))
print("abc" == "a" + "bc", "ab" * 2 == "abab", "" + "" == "")
line = "=" * 20
print(line)
n = 3
print(("ab" + "c") * n)
print(len("tab\there"), "back\\slash", len("back\\slash"))
