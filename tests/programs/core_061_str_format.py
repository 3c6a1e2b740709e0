# str.format with positional, indexed and named fields.
print("{} + {} = {}".format(1, 2, 3))
print("{0}{1}{0}".format("ab", "cd"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0} and {x}".format("pos", x="kw"))
print("{{}} {}".format("braces"))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.3f} {:.1f} {:5.2f}|".format(3.14159, 2.25, 1.5))
print("{!r} {!s}".format("q", "q"))
print("{} {}".format([1, 2], {"k": None}))
print("{0:>4}{1:>4}{2:>4}".format(1, 22, 333))
row = "{:<10}{:>8}"
print(row.format("item", "price"))
print(row.format("apple", "1.25"))
print(row.format("watermelon", "3.5"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format(x=1)
except KeyError as e:
    print("KeyError:", e)
