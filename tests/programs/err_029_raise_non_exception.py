# Raising something that is not an exception is a TypeError.
print("raising an int")
raise 5
