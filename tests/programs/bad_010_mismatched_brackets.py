# A closing bracket of the wrong kind.
point = (1, 2]
print(point)
