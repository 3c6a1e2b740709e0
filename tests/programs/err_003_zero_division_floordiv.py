# Uncaught ZeroDivisionError from integer floor division.
def chunks(total, size):
    return total // size

print(chunks(10, 3))
print(chunks(10, 0))
