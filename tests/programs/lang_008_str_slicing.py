# slicing strings with steps, negative indexes and out-of-range bounds
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3])
print(s[-1:-4:-1], s[2:8:3], s[100:], s[-100:3], s[5:2], repr(s[5:2]))
print(s[::3], s[::-3], s[3::-1], s[:3:-1], s[-2::-2])
print(s[0], s[-1], s[len(s) - 1])
u = "héllo wörld ✓"
print(u[::-1], u[1:4], len(u), u[-1])
for step in (1, 2, 3, -1, -2, -4):
    print(step, s[::step])
for a, b in [(0, 0), (1, -1), (-2, None), (None, 4)]:
    print(a, b, repr(s[a:b]))
print(s[slice(1, 6, 2)], s[slice(None, None, -1)])
try:
    print(s[10])
except IndexError as e:
    print("IndexError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
