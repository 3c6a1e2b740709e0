# Raising an exception class without arguments.
print("about to raise")
raise NotImplementedError
