# Uncaught ValueError from float().
print(float("3.25"))
print(float("three"))
