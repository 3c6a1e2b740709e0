# assigning to a global name inside a function without `global`
counter = 0
def increment():
    counter += 1
    return counter
print("before", counter)
increment()
