# A block header with no indented body.
print("before")
if True:
print("not indented")
