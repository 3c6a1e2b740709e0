# shadowing a builtin with a value, then calling it
values = [3, 1, 2]
print(max(values))
max = max(values)
print(max)
print(max([4, 5]))
