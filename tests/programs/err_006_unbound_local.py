# Uncaught UnboundLocalError: assignment later in the function makes it local.
counter = 0

def increment():
    counter += 1
    return counter

print("before")
increment()
