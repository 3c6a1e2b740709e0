# str.format: positional, numbered, keyword, attribute and index fields
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age} years old".format(name="Ada", age=36))
print("{0:>8}|{1:<6}|{2:^7}|".format("right", "left", "mid"))
print("{:.3f} {:,} {:x} {:08.2f}".format(3.14159, 1234567, 255, -3.5))
point = {"x": 3, "y": 4}
print("x={0[x]} y={0[y]}".format(point))
coords = [10, 20, 30]
print("first={0[0]} last={0[2]}".format(coords))
class P:
    def __init__(self):
        self.a = 1
        self.b = "bee"
p = P()
print("{0.a} {0.b} {p.b}".format(p, p=p))
print("{!r} {!s} {!r:>10}".format("hi", "hi", "x"))
print("{{}} {{{}}}".format(5))
print("{:{}}|{:{w}.{p}f}|".format("ab", 5, 2.71828, w=9, p=3))
template = "{greeting}, {who}!"
print(template.format(greeting="Hello", who="world"))
print(template.format(**{"greeting": "Hi", "who": "there"}))
print("{} {}".format(*["star", "args"]))
print("{0}{1}{0}".format("ab", "-"))
print(format(3.14159, ".2f"), format(42, "05d"), format("x", "^5"), format(255, "b"))
print(format(12345), repr(format(1.5)), format(True))
rows = [("a", 1), ("bbb", 22), ("cc", 333)]
for k, v in rows:
    print("{:<5}:{:>5}".format(k, v))
