# A dedent to a column that matches no outer block.
def f():
        x = 1
    return x

print(f())
