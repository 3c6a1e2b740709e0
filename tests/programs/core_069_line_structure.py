# Line structure: comments, explicit and implicit joining, semicolons, pass.
total = 1 + \
    2 + \
    3
print(total)  # a trailing comment
values = [
    1,
    2,  # comment inside brackets
    3,
]
print(values)
d = {
    "a": 1,
    "b": (2,
          3),
}
print(d)
x = 1; y = 2; print(x + y)
if x: print("one-line if")
while y > 0: y -= 1
print(y)


# blank lines and comments between statements
def long_signature(a,
                   b=2,
                   *args,
                   c=3):
    pass
    return a + b + c


print(long_signature(1,
                     c=10))
text = ("one "
        'two '
        """three""")
print(text)
for i in range(2): pass
print(i)
    # an indented comment line is ignored
print("end")
