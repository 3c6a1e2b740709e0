# A closing bracket with no opener.
values = [1, 2, 3]]
print(values)
