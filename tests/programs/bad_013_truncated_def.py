# A file cut off in the middle of a function definition.
def area(width, height):
    return (width *
