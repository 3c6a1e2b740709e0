# A plain syntax error.
x = 1
y = = 2
print(x, y)
