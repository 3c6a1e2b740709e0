# An uncaught exception raised explicitly with a custom message.
def validate(age):
    if age < 0:
        raise ValueError("age must be non-negative, got " + str(age))
    return age

print(validate(5))
validate(-1)
